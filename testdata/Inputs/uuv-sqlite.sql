-- Schema for testdata/unhandled-unique-violation/sqlite3-* (SQLite 3.40).
-- Tests name lines of this file in their notes ("declared at Inputs/uuv-sqlite.sql:N"):
-- append new tables at the end.
CREATE TABLE api_keys (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, label TEXT NOT NULL, secret TEXT NOT NULL, UNIQUE (owner_id, label));
CREATE TABLE devices (id INTEGER PRIMARY KEY, serial TEXT NOT NULL, model TEXT);
CREATE UNIQUE INDEX devices_serial ON devices (serial);
