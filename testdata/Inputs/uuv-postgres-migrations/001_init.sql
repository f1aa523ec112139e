-- Migrations for testdata/unhandled-unique-violation/*-migrations-* tests, applied in name order.
CREATE TABLE api_clients (id serial PRIMARY KEY, client_id text NOT NULL, name text NOT NULL);
CREATE TABLE coupons (id serial PRIMARY KEY, code text NOT NULL CONSTRAINT coupons_code_key UNIQUE, percent_off int NOT NULL);
CREATE TABLE webhooks (id serial PRIMARY KEY, url text NOT NULL, secret text NOT NULL);
CREATE UNIQUE INDEX webhooks_url_key ON webhooks (url);
