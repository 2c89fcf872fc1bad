-- The same change as on PostgreSQL (db/privacy/postgresql/V180__inbox_status_key_period.sql), for the embedded H2
-- store: the data-key period of each inbox status row, which the retention job deletes it by.
ALTER TABLE inbox_item_status ADD COLUMN key_period varchar(7);
UPDATE inbox_item_status SET key_period = FORMATDATETIME(changed_at, 'yyyy-MM', 'en', 'Europe/Amsterdam');
ALTER TABLE inbox_item_status ALTER COLUMN key_period SET NOT NULL;

ALTER TABLE inbox_status_change ADD COLUMN key_period varchar(7);
UPDATE inbox_status_change SET key_period = FORMATDATETIME(changed_at, 'yyyy-MM', 'en', 'Europe/Amsterdam');
ALTER TABLE inbox_status_change ALTER COLUMN key_period SET NOT NULL;

CREATE INDEX inbox_item_status_period ON inbox_item_status (covenant_id, key_period);
CREATE INDEX inbox_status_change_period ON inbox_status_change (covenant_id, key_period);
