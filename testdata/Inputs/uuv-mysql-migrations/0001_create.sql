-- Migrations for testdata/unhandled-unique-violation/mysql-*-migration* tests, applied in name order.
CREATE TABLE coupons (id INT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(32) NOT NULL, UNIQUE KEY uq_coupons_code (code)) ENGINE=InnoDB;
CREATE TABLE vouchers (id INT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(32) NOT NULL, amount_cents INT NOT NULL) ENGINE=InnoDB;
