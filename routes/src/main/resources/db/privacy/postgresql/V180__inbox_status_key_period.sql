-- The data-key period (yyyy-MM, as RoutedSignal.keyPeriod) of each inbox item's status and status changes, so that
-- the retention job (retention/InboxStatusRetention) deletes them when the covenant's retention for that period
-- ends, together with the key. A match takes the period of its latest signal: it is readable until that one goes.
-- Rows from before this migration get the month of their change: an item is never younger than its first status
-- change, so they go at the latest one retention later than the item, never sooner.
ALTER TABLE inbox_item_status ADD COLUMN key_period varchar(7);
UPDATE inbox_item_status SET key_period = to_char(changed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM');
ALTER TABLE inbox_item_status ALTER COLUMN key_period SET NOT NULL;

ALTER TABLE inbox_status_change ADD COLUMN key_period varchar(7);
UPDATE inbox_status_change SET key_period = to_char(changed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM');
ALTER TABLE inbox_status_change ALTER COLUMN key_period SET NOT NULL;

CREATE INDEX inbox_item_status_period ON inbox_item_status (covenant_id, key_period);
CREATE INDEX inbox_status_change_period ON inbox_status_change (covenant_id, key_period);
