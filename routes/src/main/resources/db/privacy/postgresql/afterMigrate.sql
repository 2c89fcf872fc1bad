-- Runs after every migration, as the role that runs the migrations (spring.flyway.user, the schema's owner; see
-- docs/privacy.md): the hub's own role (${hub_role}) gets what it needs on every table the migrations made, the
-- store's included, and no more. It owns nothing, so it can neither grant itself UPDATE or DELETE on the processing
-- log back nor drop or alter the table or its append-only trigger. Idempotent, so it also brings a schema that an
-- earlier version migrated up to date.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${hub_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO ${hub_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO ${hub_role};
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON processing_record, access_record FROM ${hub_role};
