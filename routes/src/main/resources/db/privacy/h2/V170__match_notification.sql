-- The same table as on PostgreSQL (db/privacy/postgresql/V170__match_notification.sql), for the embedded H2 store.
-- Whom the hub told about whom in a match (multiteam/notify): the professional of one signal was e-mailed the
-- contact of the professional of another. Ids only, no personal data: the addresses stay sealed on the match topic.
-- Kept so that a restart or a further supplier tells nobody twice.
CREATE TABLE match_notification (
  match_id              varchar(64) NOT NULL,
  told_signal_id        varchar(64) NOT NULL,
  counterpart_signal_id varchar(64) NOT NULL,
  notified_at           timestamp with time zone NOT NULL,
  PRIMARY KEY (match_id, told_signal_id, counterpart_signal_id)
);
