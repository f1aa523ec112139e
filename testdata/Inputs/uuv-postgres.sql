-- Schema for testdata/unhandled-unique-violation/libpq-* and libpqxx-* (PostgreSQL 15).
-- Tests name lines of this file in their notes ("declared at Inputs/uuv-postgres.sql:N"):
-- append new tables at the end.
CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  CONSTRAINT accounts_email_key UNIQUE (email)
);
CREATE TABLE team_members (team_id int NOT NULL, user_id int NOT NULL, role text NOT NULL, PRIMARY KEY (team_id, user_id));
CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX customers_email_lower ON customers (lower(email));
CREATE TABLE newsletter_subs (id bigserial PRIMARY KEY, email text NOT NULL, unsubscribed_at timestamptz);
CREATE UNIQUE INDEX newsletter_subs_active ON newsletter_subs (email) WHERE unsubscribed_at IS NULL;
CREATE TABLE push_tokens (token text PRIMARY KEY, user_id int NOT NULL);
CREATE TABLE projects (id serial PRIMARY KEY, org_id int NOT NULL, name text NOT NULL, UNIQUE (org_id, name));
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE invitations (id bigserial PRIMARY KEY, email text NOT NULL, invited_by bigint NOT NULL);
CREATE TABLE sessions (token text PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE slugs (slug text PRIMARY KEY, post_id bigint NOT NULL);
