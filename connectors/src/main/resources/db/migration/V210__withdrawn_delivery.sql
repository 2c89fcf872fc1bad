-- A withdrawal withdraws the whole delivery, not only the keys the store held when it was made: the store reads the
-- indicators topic partition by partition, and a value may still lag behind (or come back from the dead letters)
-- after the withdrawal. One row per withdrawn delivery; any value of it, whenever it arrives, no longer counts.
-- The per-key withdrawals of V200 become withdrawals of their deliveries, and the current values are recomputed
-- from the history without any value of a withdrawn delivery. Version 210 is in the figfix range; portable SQL for
-- PostgreSQL and H2.
CREATE TABLE withdrawn_delivery (
    submission_id VARCHAR(64) NOT NULL,
    withdrawal_id VARCHAR(64) NOT NULL,
    withdrawn_at  TIMESTAMP   NOT NULL,
    CONSTRAINT pk_withdrawn_delivery PRIMARY KEY (submission_id)
);

INSERT INTO withdrawn_delivery (submission_id, withdrawal_id, withdrawn_at)
SELECT withdrawn_submission_id, MIN(withdrawal_id), MIN(withdrawn_at)
FROM observation_withdrawal
GROUP BY withdrawn_submission_id;

DROP TABLE observation_withdrawal;

DELETE FROM observation_current;

-- Per (key, partner) the row of a delivery that stands which no other such row beats in (revision, line,
-- submission_id), the order the store applies.
INSERT INTO observation_current (programme, indicator, wijk, period, observed, note, partner, submission_id, line,
                                 revision, received_at, withheld)
SELECT h.programme, h.indicator, h.wijk, h.period, h.observed, h.note, h.partner, h.submission_id, h.line,
       h.revision, h.received_at, h.withheld
FROM observation_history h
WHERE NOT EXISTS (SELECT 1 FROM withdrawn_delivery w WHERE w.submission_id = h.submission_id)
  AND NOT EXISTS (
    SELECT 1 FROM observation_history n
    WHERE n.programme = h.programme AND n.indicator = h.indicator AND n.wijk = h.wijk AND n.period = h.period
      AND n.partner = h.partner
      AND NOT EXISTS (SELECT 1 FROM withdrawn_delivery v WHERE v.submission_id = n.submission_id)
      AND (n.revision > h.revision
           OR (n.revision = h.revision AND n.line > h.line)
           OR (n.revision = h.revision AND n.line = h.line AND n.submission_id > h.submission_id)));
