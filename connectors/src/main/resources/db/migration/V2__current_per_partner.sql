-- Several partners deliver the same indicator for the same wijk and period (the ten IKC's each deliver
-- extra-leertijd-kinderen): each partner's latest revision counts and the figure is their sum. The current-value
-- table gains the partner in its key; its rows are rebuilt from the history, which holds every value ever stored,
-- so the partners that an earlier delivery silently replaced come back. Portable SQL for PostgreSQL and H2.

DELETE FROM observation_current;

ALTER TABLE observation_current DROP CONSTRAINT pk_observation_current;

ALTER TABLE observation_current
    ADD CONSTRAINT pk_observation_current PRIMARY KEY (programme, indicator, wijk, period, partner);

-- Per (key, partner) the row no other row beats in (revision, line, submission_id), the order the store applies.
INSERT INTO observation_current (programme, indicator, wijk, period, observed, note, partner, submission_id, line,
                                 revision, received_at)
SELECT h.programme, h.indicator, h.wijk, h.period, h.observed, h.note, h.partner, h.submission_id, h.line,
       h.revision, h.received_at
FROM observation_history h
WHERE NOT EXISTS (
    SELECT 1 FROM observation_history n
    WHERE n.programme = h.programme AND n.indicator = h.indicator AND n.wijk = h.wijk AND n.period = h.period
      AND n.partner = h.partner
      AND (n.revision > h.revision
           OR (n.revision = h.revision AND n.line > h.line)
           OR (n.revision = h.revision AND n.line = h.line AND n.submission_id > h.submission_id)));
