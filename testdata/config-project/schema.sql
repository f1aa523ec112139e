-- The keys the database declares (read through "schema" in .sqlrace.json).
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);
CREATE TABLE api_keys (id bigserial PRIMARY KEY, owner_id bigint NOT NULL, label text NOT NULL,
  CONSTRAINT api_keys_owner_label UNIQUE (owner_id, label));
CREATE TABLE wallets (id bigint PRIMARY KEY, balance bigint NOT NULL);
