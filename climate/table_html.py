"""The long parts of the council's pages as HTML written in Python: the rows of the status
overview and of a briefing's project table, and a briefing's sections of the projects with news.

A briefing for 500 projects holds about 14,000 values in these parts. Django's template engine
costs about 3 µs for each (lookup, localization, escaping), more than the rest of the page
together; here each value is escaped as the engine would (``conditional_escape``: text is
escaped, HTML that is marked safe is not) and joined once. The markup is that of the template
code it replaced (compared on the demo and the benchmark's data when it was written);
``tests/climate/test_views.py`` checks the escaping, the marked German fallback, the "not
known" notes and the links. The page's template keeps the frame, the summary and everything
shown once.
"""

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ludwigsburg_intl.markup import escape_html as _e


def _note(text) -> str:
    """A grey note in a cell: "not known", "none yet"."""
    return f'<span class="note">{_e(text)}</span>'


def _time(day, text) -> str:
    """``text`` (the day as the page writes it) as a ``<time>`` with the day's ISO date."""
    return f'<time datetime="{day.isoformat()}">{_e(text)}</time>'


def _table_body(groups, columns, row_html) -> SafeString:
    """One ``<tbody>`` per partnership under its name (a row group instead of a column
    repeating its long name), ``row_html(row)`` for each of its rows."""
    parts = []
    for group in groups:
        parts.append(
            f'<tbody>\n<tr class="row-group"><th scope="rowgroup" colspan="{columns}">'
            f"{_e(group.name)}</th></tr>\n"
        )
        parts.extend(row_html(row) for row in group.rows)
        parts.append("</tbody>\n")
    return mark_safe("".join(parts))


def _state_cells(row, not_known, not_known_html) -> str:
    """Status, traffic light, grant and period: the columns both tables share after the title."""
    grant = _e(row.grant) if row.grant else not_known_html
    return (
        f"<td>{_e(row.status_label)}</td>\n"
        f"<td>{_e(row.traffic_light_html)}</td>\n"
        f'<td class="num">{grant}</td>\n'
        f"<td>{_e(row.period or not_known)}</td>\n"
    )


def overview_table_body(groups, not_known, none_yet) -> SafeString:
    """The status overview: a row per project with its next milestone and last report."""
    not_known_html, none_yet_html = _note(not_known), _note(none_yet)

    def row_html(row):
        if row.next_milestone_due:
            due = _time(row.next_milestone_due, row.next_milestone_due_text)
            milestone = f"{_e(row.next_milestone)}, {due}"
        else:
            milestone = "–"
        if row.last_report_on:
            report = _time(row.last_report_on, row.last_report_text)
        else:
            report = none_yet_html
        return (
            f'<tr>\n<th scope="row"><a href="{_e(row.url)}">{_e(row.title)}</a></th>\n'
            f"{_state_cells(row, not_known, not_known_html)}"
            f"<td>{milestone}</td>\n<td>{report}</td>\n</tr>\n"
        )

    return _table_body(groups, 7, row_html)


def project_table_body(groups, not_known) -> SafeString:
    """A briefing's table: a row per project with a link to the project's section where it has
    one, and what is new."""
    not_known_html = _note(not_known)

    def row_html(row):
        title = _e(row.title)
        if row.has_section:
            title = f'<a href="#project-{row.project.pk}">{title}</a>'
        return (
            f'<tr>\n<th scope="row">{title}</th>\n'
            f"{_state_cells(row, not_known, not_known_html)}"
            f"<td>{_e(row.news_summary or '–')}</td>\n</tr>\n"
        )

    return _table_body(groups, 6, row_html)


def project_sections(rows, meeting_title, news_label, not_known) -> SafeString:
    """A section (a printed page) for each project with news or something due."""
    labels = {
        "partnership": _("Climate partnership"),
        "status": _("Project status"),
        "light": _("Traffic light"),
        "funder": _("Funder"),
        "grant": _("Grant"),
        "own_share": _("own share"),
        "period": _("Period"),
        "components": _("Components"),
        "risks": _("Risks"),
        "report": _("Status report"),
        "nothing": _("Nothing new was recorded."),
        "due": _("Milestones due"),
        "new_project": _("New project, entered since the previous meeting"),
    }
    label = {key: _e(text) for key, text in labels.items()}
    not_known_html = _note(not_known)
    running = _e(meeting_title)
    news_heading = _e(news_label)
    parts = []
    for row in rows:
        section = row.section
        pk = row.project.pk
        light = _e(row.traffic_light_html)
        if row.traffic_light and section.traffic_light_reason:
            light += f" – {_e(section.traffic_light_reason)}"
        funder = _e(section.funder) if section.funder else not_known_html
        if section.funding_programme:
            funder += f" – {_e(section.funding_programme)}"
        grant = _e(row.grant) if row.grant else not_known_html
        if section.own_share:
            grant += f"; {label['own_share']} {_e(section.own_share)}"
        parts.append(
            f'<section class="briefing-project" aria-labelledby="project-{pk}">\n'
            f'<p class="briefing-running" aria-hidden="true">{running}</p>\n'
            f'<h2 id="project-{pk}"><a href="{_e(row.url)}">{_e(row.title)}</a></h2>\n'
            '<dl class="facts">\n'
            f"<dt>{label['partnership']}</dt><dd>{_e(section.partnership)}</dd>\n"
            f"<dt>{label['status']}</dt><dd>{_e(row.status_label)}</dd>\n"
            f"<dt>{label['light']}</dt><dd>{light}</dd>\n"
            f"<dt>{label['funder']}</dt><dd>{funder}</dd>\n"
            f"<dt>{label['grant']}</dt><dd>{grant}</dd>\n"
            f"<dt>{label['period']}</dt><dd>{_e(row.period or not_known)}</dd>\n"
            "</dl>\n"
        )
        if section.components:
            parts.append(f"<h3>{label['components']}</h3>\n<ul>\n")
            for title, progress in section.components:
                progress_text = f": {_e(progress)}" if progress else ""
                parts.append(f"<li>{_e(title)}{progress_text}</li>\n")
            parts.append("</ul>\n")
        if section.risks:
            parts.append(f"<h3>{label['risks']}</h3><p>{_e(section.risks)}</p>\n")
        parts.append(f"<h3>{news_heading}</h3>\n")
        if row.has_news:
            parts.append('<ul class="climate-changes">\n')
            if row.is_new:
                parts.append(f"<li><strong>{label['new_project']}</strong></li>\n")
            for line in row.reports:
                day = _time(line.report.reported_on, line.date_text)
                parts.append(
                    f"<li><strong>{label['report']}, {day}:</strong> {_e(line.text)}</li>\n"
                )
            for line in row.changes:
                text = _e(line.kind_label)
                if line.milestone:
                    text += f" <q>{_e(line.milestone)}</q>"
                if line.shows_values:
                    text += f": {_e(line.before)} → {_e(line.after)}"
                parts.append(f"<li>{_time(line.change.changed_on, line.date_text)}: {text}</li>\n")
            parts.append("</ul>\n")
        else:
            parts.append(f"<p>{label['nothing']}</p>\n")
        if row.due_milestones:
            parts.append(f"<h3>{label['due']}</h3>\n<ul>")
            for line in row.due_milestones:
                day = _time(line.milestone.due_date, line.date_text)
                parts.append(f"<li>{day}: {_e(line.title)}</li>")
            parts.append("</ul>\n")
        parts.append("</section>\n")
    return mark_safe("".join(parts))
