"""The content version the page cache keys on (see ludwigsburg_intl/page_cache.py).

The table is no model on purpose: Django's flush (used between transactional tests) leaves it
alone, so the count only ever goes up. The triggers on the content tables are installed after
every migrate by ``page_cache.install_triggers``, so new tables get theirs too.
"""

from django.db import migrations

CREATE = """
CREATE TABLE IF NOT EXISTS portal_content_version (
    id integer PRIMARY KEY CHECK (id = 1),
    value bigint NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO portal_content_version (id, value) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;
CREATE OR REPLACE FUNCTION portal_count_content_change() RETURNS trigger AS $$
BEGIN
    UPDATE portal_content_version SET value = value + 1, changed_at = now() WHERE id = 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""

DROP = """
DROP FUNCTION IF EXISTS portal_count_content_change() CASCADE;
DROP TABLE IF EXISTS portal_content_version;
"""


class Migration(migrations.Migration):
    dependencies = [("ludwigsburg_intl", "0003_site_page_help_text")]

    operations = [migrations.RunSQL(CREATE, DROP)]
