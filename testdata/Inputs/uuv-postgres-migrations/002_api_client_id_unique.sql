ALTER TABLE api_clients ADD CONSTRAINT api_clients_client_id_key UNIQUE (client_id);
