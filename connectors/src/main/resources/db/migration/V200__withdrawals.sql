-- A partner or the programme office can withdraw a delivery. The withdrawal is an event on the indicators topic,
-- one per key the delivery held; the store keeps each here, so that a replay of the delivery's values (or the
-- whole topic) never makes them count again, and so that the history can show what was withdrawn and when.
-- Version 200 is in the figures range; portable SQL for PostgreSQL and H2.
CREATE TABLE observation_withdrawal (
    withdrawn_submission_id VARCHAR(64)  NOT NULL,
    programme               VARCHAR(64)  NOT NULL,
    indicator               VARCHAR(128) NOT NULL,
    wijk                    VARCHAR(64)  NOT NULL,
    period                  VARCHAR(16)  NOT NULL,
    partner                 VARCHAR(64)  NOT NULL,
    withdrawal_id           VARCHAR(64)  NOT NULL,
    withdrawn_at            TIMESTAMP    NOT NULL,
    CONSTRAINT pk_observation_withdrawal PRIMARY KEY (withdrawn_submission_id, programme, indicator, wijk, period,
                                                      partner)
);

CREATE INDEX ix_observation_withdrawal_key ON observation_withdrawal (programme, indicator, wijk, period, partner);
