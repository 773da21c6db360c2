import pytest
from django.utils import translation

from climate.models import Project, ProjectChange
from ludwigsburg_intl import choices


def test_choice_labels_follow_the_language_and_are_built_once(monkeypatch):
    project = Project(project_status=Project.ProjectStatus.values[0], traffic_light="delayed")
    with translation.override("de"):
        german = project.get_traffic_light_display()
    with translation.override("en"):
        english = project.get_traffic_light_display()
        assert english == str(Project.TrafficLight("delayed").label)
    assert german != english
    assert Project(traffic_light="bogus").get_traffic_light_display() == "bogus"
    assert Project(traffic_light="").get_traffic_light_display() == ""

    built = []
    original = choices.make_hashable
    monkeypatch.setattr(
        choices, "make_hashable", lambda value: built.append(value) or original(value)
    )
    for _ in range(3):
        project.get_traffic_light_display()
    # One lookup of the value per call; the choices themselves are not hashed again.
    assert built == ["delayed"] * 3


@pytest.mark.parametrize("kind", ProjectChange.Kind.values)
def test_choice_labels_on_models_outside_publishing(kind):
    with translation.override("en"):
        assert ProjectChange(kind=kind).get_kind_display() == str(ProjectChange.Kind(kind).label)
