package nl.wijkhub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import nl.wijkhub.events.AccessRecord;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.ProcessingStatus;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The processing log's own retention on a real PostgreSQL, with the log's real migration: the purge, as a member of
 * the retention role, removes the records (and their access records) older than the log's retention and keeps the
 * rest; the pseudonym key version that no remaining record can carry is destroyed, the newer one kept.
 */
class ProcessingLogRetentionIT {

  private static final String COVENANT = "retentie-convenant";
  private static final String BSN = "628194821";

  @Test
  void recordsPastTheLogsRetentionGoAndSoDoesTheKeyVersionOnlyTheyCouldCarry() throws Exception {
    String schema = TestInfrastructure.isolation().replace('-', '_');
    String url = TestInfrastructure.DB_URL + "?currentSchema=" + schema;
    // Migrated as the owner role, as every hub is: the hub's role may not create a schema or own the log's table.
    Flyway.configure().dataSource(url, TestInfrastructure.DB_OWNER, TestInfrastructure.DB_OWNER_PASSWORD)
        .schemas(schema).locations("classpath:db/privacy/postgresql")
        .placeholders(Map.of("hub_role", TestInfrastructure.DB_USER, "retention_role", "wijkhub_retention"))
        .load().migrate();
    DriverManagerDataSource hub = new DriverManagerDataSource(url, TestInfrastructure.DB_USER,
        TestInfrastructure.DB_PASSWORD);
    PrivacyFixture privacy = new PrivacyFixture(TestInfrastructure.tempDir("wijkhub-log-retention"));
    privacy.pseudonyms.rotate(COVENANT);
    String before = privacy.pseudonyms.forLookup(COVENANT, BSN).get(0);
    privacy.clock.set(Instant.parse("2027-01-15T10:00:00Z"));
    privacy.pseudonyms.rotate(COVENANT);
    String after = privacy.pseudonyms.forLookup(COVENANT, BSN).get(1);
    ProcessingLogStore store = new ProcessingLogStore(hub);
    store.storeRecords(List.of(record("0000000000000001", Instant.parse("2026-02-01T09:00:00Z"), before),
        record("0000000000000002", Instant.parse("2028-06-01T09:00:00Z"), after)));
    store.storeAccesses(List.of(access("0000000000000001"), access("0000000000000002")));
    LogRetentionSettings settings = new LogRetentionSettings(Period.ofYears(5), url, TestPostgres.RETENTION_USER,
        TestPostgres.RETENTION_PASSWORD, Duration.ofDays(1));

    ProcessingLogRetention.Purged purged;
    try (ProcessingLogRetention retention = new ProcessingLogRetention(new DriverManagerDataSource(url,
        TestPostgres.RETENTION_USER, TestPostgres.RETENTION_PASSWORD), privacy.pseudonyms, settings)) {
      purged = retention.purge(Instant.parse("2033-01-01T00:00:00Z"), List.of(COVENANT));
    }

    JdbcTemplate sql = new JdbcTemplate(hub);
    assertThat(purged.processingRecords()).isEqualTo(1);
    assertThat(purged.accessRecords()).isEqualTo(1);
    assertThat(sql.queryForList("SELECT span_id FROM processing_record", String.class))
        .containsExactly("0000000000000002");
    assertThat(sql.queryForList("SELECT span_id FROM access_record", String.class))
        .containsExactly("0000000000000002");
    assertThat(purged.pseudonymVersions()).hasSize(1);
    assertThat(privacy.pseudonyms.forLookup(COVENANT, BSN)).containsExactly(after);
  }

  private static ProcessingRecord record(String span, Instant start, String subject) {
    return ProcessingRecord.newBuilder().setTraceId("0".repeat(31) + span.charAt(15)).setSpanId(span)
        .setName("doorgestuurd").setStartTime(start).setEndTime(start).setStatus(ProcessingStatus.OK)
        .setProcessingActivityId("https://wijkhub.example/verwerkingsregister/x#" + COVENANT + "/v1")
        .setOrganisation("pmg-multiteam").setDataSubjectId(subject).setDataSubjectIdType("pseudoniem:" + COVENANT)
        .setCovenantId(COVENANT).setCovenantVersion(1).build();
  }

  private static AccessRecord access(String span) {
    return AccessRecord.newBuilder().setTraceId("0".repeat(31) + span.charAt(15)).setSpanId(span)
        .setActingPerson("demo-pmg-multiteam").setRole("multiteam:" + COVENANT).setOrganisation("pmg-multiteam")
        .setAccessedAt(Instant.parse("2026-02-01T09:00:00Z")).build();
  }
}
