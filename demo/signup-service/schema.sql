-- PostgreSQL schema of the demo signup service.
--
-- accounts.email deliberately has no UNIQUE constraint: that is the situation
-- in which signUp()'s SELECT-then-INSERT creates duplicate accounts. The fix
-- sqlrace suggests needs one:
--   ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
CREATE TABLE accounts (
    id           bigserial PRIMARY KEY,
    email        text NOT NULL,
    display_name text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
    token      text PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts(id),
    requests   integer NOT NULL DEFAULT 0,
    last_seen  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stock (
    sku      text PRIMARY KEY,
    quantity integer NOT NULL CHECK (quantity >= 0)
);

-- The page-view counters live in a local SQLite file (COUNTERS_DB); the
-- service creates this table itself when it opens the file:
--   CREATE TABLE IF NOT EXISTS page_views (
--       page  TEXT PRIMARY KEY,
--       views INTEGER NOT NULL DEFAULT 0);
