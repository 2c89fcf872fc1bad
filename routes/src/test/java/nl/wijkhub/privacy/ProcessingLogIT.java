package nl.wijkhub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.wijkhub.events.AccessRecord;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.ProcessingStatus;
import nl.wijkhub.publish.SubmissionPublisher;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The processing log on the real broker, registry and PostgreSQL: a step's record commits with the step's
 * transaction or not at all, a view's record is confirmed before the call returns, and the materialised log is
 * append-only for the hub's own database role, which owns none of it: the migrations ran as another role.
 */
@SpringBootTest
@ExtendWith(TestInfrastructure.class)
class ProcessingLogIT {

  private static final String ISOLATION = TestInfrastructure.isolation();
  private static final String SCHEMA = ISOLATION.replace('-', '_');
  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-processing-log-it");

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    Map<String, String> props = TestInfrastructure.hubProperties(DATA, ISOLATION);
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @Autowired
  ProcessingLog log;

  @Autowired
  SubmissionPublisher publisher;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aStepsRecordCommitsWithItsTransactionAndAViewsRecordIsConfirmedBeforeReturning() {
    String trace = TraceIds.newTraceId();
    ProcessingRecord routed = record(trace, "doorgestuurd");
    ProcessingRecord aborted = record(trace, "geweigerd");
    ProcessingRecord afterAbort = record(trace, "ingetrokken");
    ProcessingRecord viewed = record(trace, "ingezien");
    AccessRecord viewer = AccessRecord.newBuilder().setTraceId(trace).setSpanId(viewed.getSpanId())
        .setActingPerson("m.devries").setRole("multiteam-lid:pmg-leeuwarden-oost").setOrganisation("pmg-multiteam")
        .setAccessedAt(Instant.now()).build();

    try (EventTransaction step = publisher.begin(false)) {
      log.record(step, routed);
      step.commit();
    }
    try (EventTransaction step = publisher.begin(false)) {
      log.record(step, aborted);
    }
    try (EventTransaction step = publisher.begin(false)) {
      log.record(step, afterAbort);
      step.commit();
    }
    log.recordAndConfirm(viewed, viewer);

    // One trace id, one partition: once the later records are stored, the aborted one would have been too. The
    // hub's log consumer is a new group that first reads the whole shared processing-log topic.
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> names(trace).size() == 3);
    assertThat(names(trace)).containsExactlyInAnyOrder("doorgestuurd", "ingetrokken", "ingezien");
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> jdbc.queryForList(
        "SELECT acting_person FROM access_record WHERE span_id = ?", String.class, viewed.getSpanId()).size() == 1);
    assertThat(jdbc.queryForObject("SELECT processing_activity_id FROM processing_record WHERE span_id = ?",
        String.class, routed.getSpanId())).isEqualTo(routed.getProcessingActivityId());
  }

  @Test
  void theHubsRoleMayInsertAndSelectButNeverUpdateDeleteDropOrAlter() throws SQLException {
    try (Connection hub = DriverManager.getConnection(TestInfrastructure.DB_URL + "?currentSchema=" + SCHEMA,
        TestInfrastructure.DB_USER, TestInfrastructure.DB_PASSWORD); Statement sql = hub.createStatement()) {
      String span = TraceIds.newSpanId();
      sql.executeUpdate("INSERT INTO processing_record (span_id, trace_id, name, start_time, end_time, status,"
          + " processing_activity_id, organisation) VALUES ('" + span + "', '" + TraceIds.newTraceId() + "',"
          + " 'ontvangen', now(), now(), 'OK', 'https://wijkhub.example/verwerkingsregister/x', 'wijkhub')");

      assertRefused(sql, "UPDATE processing_record SET organisation = 'iemand' WHERE span_id = '" + span + "'");
      assertRefused(sql, "DELETE FROM processing_record WHERE span_id = '" + span + "'");
      assertRefused(sql, "TRUNCATE processing_record");
      assertRefused(sql, "DELETE FROM access_record");

      // The migrations ran as another role: the hub's owns neither the tables nor the trigger's function.
      assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE schemaname = ? AND tablename ="
          + " 'processing_record'", String.class, SCHEMA)).isEqualTo(TestInfrastructure.DB_OWNER)
          .isNotEqualTo(TestInfrastructure.DB_USER);
      // Not the owner, it holds no grant option: its GRANT grants nothing (PostgreSQL only warns).
      sql.execute("GRANT UPDATE, DELETE, TRUNCATE ON processing_record TO " + TestInfrastructure.DB_USER);
      assertThat(jdbc.queryForObject("SELECT has_table_privilege(?, 'processing_record', 'UPDATE')", Boolean.class,
          TestInfrastructure.DB_USER)).isFalse();
      assertRefused(sql, "UPDATE processing_record SET organisation = 'iemand' WHERE span_id = '" + span + "'");
      assertRefused(sql, "DELETE FROM processing_record WHERE span_id = '" + span + "'");
      assertRefused(sql, "ALTER TABLE processing_record DISABLE TRIGGER processing_record_append_only");
      assertRefused(sql, "DROP TRIGGER processing_record_append_only ON processing_record");
      assertRefused(sql, "DROP FUNCTION processing_log_append_only()");
      assertRefused(sql, "ALTER TABLE processing_record ADD COLUMN note text");
      assertRefused(sql, "DROP TABLE processing_record");
      assertRefused(sql, "DROP TABLE access_record");

      assertThat(jdbc.queryForObject("SELECT organisation FROM processing_record WHERE span_id = ?", String.class,
          span)).isEqualTo("wijkhub");
    }
  }

  private static void assertRefused(Statement sql, String statement) {
    SQLException refused = catchThrowableOfType(SQLException.class, () -> sql.execute(statement));
    assertThat((Throwable) refused).as(statement).isNotNull();
    assertThat(refused.getSQLState()).as(statement).isEqualTo("42501");
  }

  private List<String> names(String trace) {
    return jdbc.queryForList("SELECT name FROM processing_record WHERE trace_id = ?", String.class, trace);
  }

  private static ProcessingRecord record(String trace, String name) {
    Instant now = Instant.now();
    return ProcessingRecord.newBuilder().setTraceId(trace).setSpanId(TraceIds.newSpanId()).setName(name)
        .setStartTime(now).setEndTime(now).setStatus(ProcessingStatus.OK)
        .setProcessingActivityId("https://wijkhub.example/verwerkingsregister/pmg-multiteam-signalen"
            + "#pmg-leeuwarden-oost/v2")
        .setOrganisation("wijkhub").setDataSubjectId("v1764580000:abc").setDataSubjectIdType(
            "pseudoniem:pmg-leeuwarden-oost").setCovenantId("pmg-leeuwarden-oost").setCovenantVersion(2).build();
  }
}
