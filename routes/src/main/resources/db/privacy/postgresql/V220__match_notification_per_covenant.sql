
-- Whom the hub told about whom, now per covenant and pair of signals instead of per match: each recipient has its
-- own copy of a match under its own id, so a ledger keyed by match id let every copy mail the same professionals
-- again. match_id stays as the reference the mail named. key_period (yyyy-MM, the earlier of the two signals'
-- data-key periods) lets the retention job (retention/MatchNotificationRetention) delete a pair when the
-- covenant's retention for that period ends.
-- Rows from before this migration name neither their covenant nor their signals' periods, so no retention could
-- ever delete them; they are dropped. Match notifications came in the same release, off by default: at worst a
-- professional of a match still open is told once more of a counterpart.
DROP TABLE match_notification;
CREATE TABLE match_notification (
  covenant_id           varchar(100) NOT NULL,
  told_signal_id        varchar(64) NOT NULL,
  counterpart_signal_id varchar(64) NOT NULL,
  match_id              varchar(64) NOT NULL,
  key_period            varchar(7) NOT NULL,
  notified_at           timestamptz NOT NULL,
  PRIMARY KEY (covenant_id, told_signal_id, counterpart_signal_id)
);
CREATE INDEX match_notification_period ON match_notification (covenant_id, key_period);
