-- The same change as on PostgreSQL (db/privacy/postgresql/V230__inbox_status_recipient.sql), for the embedded H2
-- store: each recipient of a covenant keeps its own inbox status; rows from before get the recipient the access log
-- names for the member who made the change, else '' (shown to nobody).
ALTER TABLE inbox_status_change ADD COLUMN recipient varchar(100);
UPDATE inbox_status_change AS c SET recipient = COALESCE((
  SELECT CASE WHEN COUNT(DISTINCT a.organisation) = 1 THEN MIN(a.organisation) END FROM access_record a
  WHERE a.acting_person = c.changed_by AND a.role = 'multiteam-lid:' || c.covenant_id), '');
ALTER TABLE inbox_status_change ALTER COLUMN recipient SET NOT NULL;

ALTER TABLE inbox_item_status ADD COLUMN recipient varchar(100);
UPDATE inbox_item_status AS s SET recipient = COALESCE((
  SELECT c.recipient FROM inbox_status_change c
  WHERE c.covenant_id = s.covenant_id AND c.item_type = s.item_type AND c.item_id = s.item_id
  ORDER BY c.changed_at DESC FETCH FIRST 1 ROW ONLY), '');
ALTER TABLE inbox_item_status ALTER COLUMN recipient SET NOT NULL;

ALTER TABLE inbox_item_status DROP PRIMARY KEY;
ALTER TABLE inbox_item_status ADD PRIMARY KEY (covenant_id, recipient, item_type, item_id);
DROP INDEX inbox_status_change_item;
CREATE INDEX inbox_status_change_item ON inbox_status_change (covenant_id, recipient, item_type, item_id);
