-- Schema for testdata/unhandled-unique-violation/mysql-* (MariaDB 10.11, InnoDB).
-- Tests name lines of this file in their notes ("declared at Inputs/uuv-mysql.sql:N"):
-- append new tables at the end.
CREATE TABLE seats (event_id INT NOT NULL, seat VARCHAR(8) NOT NULL, holder_id INT NOT NULL, PRIMARY KEY (event_id, seat)) ENGINE=InnoDB;
CREATE TABLE licenses (id INT AUTO_INCREMENT PRIMARY KEY, license_key VARCHAR(64) NOT NULL, machine_id INT NOT NULL, UNIQUE KEY uq_license_key (license_key)) ENGINE=InnoDB;
CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, external_ref VARCHAR(64) NOT NULL, total_cents INT NOT NULL) ENGINE=InnoDB;
CREATE UNIQUE INDEX uq_orders_external_ref ON orders (external_ref);
CREATE TABLE daily_bonus (user_id INT NOT NULL, day DATE NOT NULL, amount INT NOT NULL, UNIQUE KEY uq_daily_bonus (user_id, day)) ENGINE=InnoDB;
CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL, UNIQUE KEY uq_users_email (email)) ENGINE=InnoDB;
CREATE TABLE newsletter (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL) ENGINE=InnoDB;
CREATE TABLE usernames (name VARCHAR(32) NOT NULL PRIMARY KEY, user_id INT NOT NULL) ENGINE=InnoDB;
