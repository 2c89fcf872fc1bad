-- The processing log (verwerkingenlog), materialised from wijkhub.processing-log.v1 and wijkhub.access-log.v1.
-- Append-only for the hub: its role (${hub_role}) may INSERT and SELECT, never UPDATE, DELETE or TRUNCATE; only the
-- retention job's role (${retention_role}) may DELETE. Enforced twice, because the hub's role usually owns these
-- tables (Flyway runs as it) and an owner may grant itself privileges back: by revoking the privileges and by a
-- trigger that refuses every change but the retention role's deletes.
CREATE TABLE processing_record (
  span_id                varchar(16)  PRIMARY KEY,
  trace_id               varchar(32)  NOT NULL,
  parent_span_id         varchar(16),
  name                   varchar(40)  NOT NULL,
  start_time             timestamptz  NOT NULL,
  end_time               timestamptz  NOT NULL,
  status                 varchar(8)   NOT NULL,
  processing_activity_id varchar(500) NOT NULL,
  organisation           varchar(100) NOT NULL,
  data_subject_id        varchar(200),
  data_subject_id_type   varchar(100),
  covenant_id            varchar(100),
  covenant_version       integer,
  signal_id              varchar(64),
  reason_code            varchar(60),
  logged_at              timestamptz  NOT NULL DEFAULT now()
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
  accessed_at   timestamptz  NOT NULL
);
CREATE INDEX access_record_person ON access_record (acting_person);

CREATE FUNCTION processing_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT FROM pg_roles WHERE rolname = '${retention_role}') THEN
    IF pg_has_role(current_user, '${retention_role}', 'MEMBER') THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'the processing log is append-only: % on % is refused for role %', TG_OP, TG_TABLE_NAME,
    current_user USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER processing_record_append_only BEFORE UPDATE OR DELETE ON processing_record
  FOR EACH ROW EXECUTE FUNCTION processing_log_append_only();
CREATE TRIGGER processing_record_no_truncate BEFORE TRUNCATE ON processing_record
  FOR EACH STATEMENT EXECUTE FUNCTION processing_log_append_only();
CREATE TRIGGER access_record_append_only BEFORE UPDATE OR DELETE ON access_record
  FOR EACH ROW EXECUTE FUNCTION processing_log_append_only();
CREATE TRIGGER access_record_no_truncate BEFORE TRUNCATE ON access_record
  FOR EACH STATEMENT EXECUTE FUNCTION processing_log_append_only();

REVOKE ALL ON processing_record, access_record FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON processing_record, access_record FROM ${hub_role};
GRANT SELECT, INSERT ON processing_record, access_record TO ${hub_role};

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${retention_role}') THEN
    EXECUTE 'GRANT USAGE ON SCHEMA ' || quote_ident(current_schema()) || ' TO ${retention_role}';
    GRANT SELECT, DELETE ON processing_record, access_record TO ${retention_role};
  ELSE
    RAISE NOTICE 'Role ${retention_role} does not exist: nobody may delete from the processing log until a DBA creates it and grants it SELECT, DELETE';
  END IF;
END
$$;
