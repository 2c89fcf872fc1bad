-- The reminders sent: one key per partner and day (the digest) and one per owed figure and reminder moment
-- (partner|indicator|period|offset). Kept in the database, not in memory, so that a restarted hub sends none of
-- them again. Keys hold partner ids and indicator codes only, never personal data. Portable SQL.
CREATE TABLE reminder_ledger (
    reminder_key VARCHAR(300) NOT NULL,
    sent_at      TIMESTAMP    NOT NULL,
    CONSTRAINT pk_reminder_ledger PRIMARY KEY (reminder_key)
);
