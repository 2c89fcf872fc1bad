-- The MultiTeam's inbox: the status a member gave an item (a routed signal or a match) of a covenant, and every
-- change of it with the member who made it (login name, as in the access log). No personal data of residents:
-- ids only.
-- An item without a row here is 'NIEUW'. The retention job is to delete an item's rows together with the item.
CREATE TABLE inbox_item_status (
  covenant_id varchar(100) NOT NULL,
  item_type   varchar(10)  NOT NULL,
  item_id     varchar(64)  NOT NULL,
  status      varchar(20)  NOT NULL,
  changed_at  timestamptz  NOT NULL,
  PRIMARY KEY (covenant_id, item_type, item_id),
  CONSTRAINT inbox_item_status_type CHECK (item_type IN ('SIGNAAL', 'MATCH')),
  CONSTRAINT inbox_item_status_status CHECK (status IN ('NIEUW', 'IN_BEHANDELING', 'AFGESLOTEN'))
);

CREATE TABLE inbox_status_change (
  change_id   varchar(36)  PRIMARY KEY,
  covenant_id varchar(100) NOT NULL,
  item_type   varchar(10)  NOT NULL,
  item_id     varchar(64)  NOT NULL,
  old_status  varchar(20)  NOT NULL,
  new_status  varchar(20)  NOT NULL,
  changed_by  varchar(200) NOT NULL,
  changed_at  timestamptz  NOT NULL
);
CREATE INDEX inbox_status_change_item ON inbox_status_change (covenant_id, item_type, item_id);
