package nl.wijkhub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import nl.wijkhub.covenant.CovenantLoader;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.delivery.Fixtures;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.publish.SubmissionPublisher;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The match notification ledger's pairs of a covenant and key period go when the covenant's retention for that
 * period ends (PmG: 18 months after the month), each deletion logged as the step verwijderd before the rows go;
 * younger periods stay.
 */
class MatchNotificationRetentionTest {

  private static final Covenants COVENANTS = new CovenantLoader(new PathMatchingResourcePatternResolver())
      .load("file:../config/", Fixtures.reference());
  private static final String PMG = "pmg-leeuwarden-oost";

  private final MockProducer<String, Object> kafka = new MockProducer<>(true, null, new StringSerializer(),
      (topic, value) -> new byte[0]);
  private final JdbcDataSource dataSource = migrated();
  private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
  private final MatchNotificationRetention retention = new MatchNotificationRetention(new CovenantPeriods(COVENANTS),
      new ProcessingLog(new SubmissionPublisher(() -> kafka)), dataSource);

  @Test
  void thePairsOfAPeriodGoWhenItsRetentionEndsAndTheDeletionIsLogged() {
    pair("s-oud", "s-oud-2", "2024-06");
    pair("s-oud-2", "s-oud", "2024-06");
    pair("s-jong", "s-jong-2", "2025-06");

    // 30 June 2024 plus 18 months is 30 December 2025: 2024-06 goes from 31 December (Amsterdam); 2025-06 a year on.
    assertThat(retention.purge(Instant.parse("2025-12-30T12:00:00Z"))).isZero();
    assertThat(kafka.history()).isEmpty();

    assertThat(retention.purge(Instant.parse("2025-12-31T00:00:00Z"))).isEqualTo(2);

    assertThat(jdbc.queryForList("SELECT told_signal_id FROM match_notification", String.class))
        .containsExactly("s-jong");
    assertThat(kafka.history()).singleElement().extracting(ProducerRecord::value).isInstanceOfSatisfying(
        ProcessingRecord.class, logged -> {
          assertThat(logged.getName()).isEqualTo("verwijderd");
          assertThat(logged.getCovenantId()).isEqualTo(PMG);
          assertThat(logged.getReasonCode()).isEqualTo("BEWAARTERMIJN_VERSTREKEN");
          assertThat(logged.getSignalId()).isNull();
        });
  }

  private void pair(String told, String counterpart, String period) {
    jdbc.update("INSERT INTO match_notification (covenant_id, told_signal_id, counterpart_signal_id, match_id,"
        + " key_period, notified_at) VALUES (?, ?, ?, 'm', ?, CURRENT_TIMESTAMP)", PMG, told, counterpart, period);
  }

  private static JdbcDataSource migrated() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/privacy/h2").load().migrate();
    return dataSource;
  }
}
