-- The monitoring store: counts only, never personal data. One migration set serves PostgreSQL (production,
-- integration tests) and H2 (embedded default), so only portable SQL here.

-- Every observation ever stored, once: (submission_id, line) identifies it, so replaying the topic is a no-op.
CREATE TABLE observation_history (
    submission_id VARCHAR(64)      NOT NULL,
    line          BIGINT           NOT NULL,
    programme     VARCHAR(64)      NOT NULL,
    indicator     VARCHAR(128)     NOT NULL,
    wijk          VARCHAR(64)      NOT NULL,
    period        VARCHAR(16)      NOT NULL,
    observed      DOUBLE PRECISION NOT NULL,
    note          VARCHAR(500),
    partner       VARCHAR(64)      NOT NULL,
    revision      BIGINT           NOT NULL,
    received_at   TIMESTAMP        NOT NULL,
    stored_at     TIMESTAMP        DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_observation_history PRIMARY KEY (submission_id, line)
);

CREATE INDEX ix_observation_history_key ON observation_history (programme, indicator, wijk, period);

-- The current value per key: the highest (revision, line) wins, whatever order the events arrive in.
CREATE TABLE observation_current (
    programme     VARCHAR(64)      NOT NULL,
    indicator     VARCHAR(128)     NOT NULL,
    wijk          VARCHAR(64)      NOT NULL,
    period        VARCHAR(16)      NOT NULL,
    observed      DOUBLE PRECISION NOT NULL,
    note          VARCHAR(500),
    partner       VARCHAR(64)      NOT NULL,
    submission_id VARCHAR(64)      NOT NULL,
    line          BIGINT           NOT NULL,
    revision      BIGINT           NOT NULL,
    received_at   TIMESTAMP        NOT NULL,
    CONSTRAINT pk_observation_current PRIMARY KEY (programme, indicator, wijk, period)
);
