ALTER TABLE coupons DROP INDEX uq_coupons_code;
ALTER TABLE vouchers ADD UNIQUE INDEX uq_vouchers_code (code);
