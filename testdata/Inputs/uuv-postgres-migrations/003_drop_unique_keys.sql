-- Coupon codes are reused per season and webhook URLs may repeat per secret: both keys go.
ALTER TABLE coupons DROP CONSTRAINT coupons_code_key;
DROP INDEX webhooks_url_key;
