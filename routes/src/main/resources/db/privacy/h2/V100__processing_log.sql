-- The processing log for the embedded default (H2). The same tables as on PostgreSQL, but H2 cannot enforce
-- append-only for the hub's user (it owns everything in its file); the README says so. Production runs PostgreSQL.
CREATE TABLE processing_record (
  span_id                varchar(16)  PRIMARY KEY,
  trace_id               varchar(32)  NOT NULL,
  parent_span_id         varchar(16),
  name                   varchar(40)  NOT NULL,
  start_time             timestamp with time zone NOT NULL,
  end_time               timestamp with time zone NOT NULL,
  status                 varchar(8)   NOT NULL,
  processing_activity_id varchar(500) NOT NULL,
  organisation           varchar(100) NOT NULL,
  data_subject_id        varchar(200),
  data_subject_id_type   varchar(100),
  covenant_id            varchar(100),
  covenant_version       integer,
  signal_id              varchar(64),
  reason_code            varchar(60),
  logged_at              timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX processing_record_subject ON processing_record (data_subject_id);
CREATE INDEX processing_record_trace ON processing_record (trace_id);
CREATE INDEX processing_record_start ON processing_record (start_time);

CREATE TABLE access_record (
  span_id       varchar(16)  PRIMARY KEY,
  trace_id      varchar(32)  NOT NULL,
  acting_person varchar(200) NOT NULL,
  role          varchar(200) NOT NULL,
  organisation  varchar(100) NOT NULL,
  accessed_at   timestamp with time zone NOT NULL
);
CREATE INDEX access_record_person ON access_record (acting_person);
