-- Each recipient of a covenant keeps its own inbox status: its copy of a signal has the same id as the other
-- recipients' copies, and one MultiTeam's status is not the other's to see. Rows from before this migration get the
-- recipient of the member who made the change, as the access log names it at the member's views of this covenant's
-- inbox (role multiteam-lid:<covenant>, organisation = the recipient). An item's status goes to the recipient of its
-- latest change; a status that another recipient set earlier stays in its history only. A change whose member
-- never opened an item of the covenant, or opened them for two recipients, gets recipient '' and is shown to nobody
-- (the item reads 'nieuw' again); the retention job deletes it like any other row.
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

ALTER TABLE inbox_item_status DROP CONSTRAINT inbox_item_status_pkey;
ALTER TABLE inbox_item_status ADD PRIMARY KEY (covenant_id, recipient, item_type, item_id);
DROP INDEX inbox_status_change_item;
CREATE INDEX inbox_status_change_item ON inbox_status_change (covenant_id, recipient, item_type, item_id);
