package nl.wijkhub.multiteam.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.wijkhub.covenant.CovenantLoader;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.delivery.Fixtures;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchStatus;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.ProcessingStatus;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.multiteam.RoutedSignalReader;
import nl.wijkhub.privacy.Envelope;
import nl.wijkhub.privacy.PrivacyFixture;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.publish.SubmissionPublisher;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Who is told, per covenant: nobody unless the covenant version's parties agreed (notifyProfessionals), and of the
 * copies of one match (one per recipient) only the copy of the first recipient that may see the contacts tells.
 * A mail the SMTP server refuses leaves an ERROR record in the trace of its genotificeerd step.
 */
class MatchNotifierTest {

  private static final String PMG = "pmg-leeuwarden-oost";
  private static final String MULTITEAM = "pmg-multiteam";
  /** A party of the PmG covenant, made a recipient that sees the wijk only, listed before the MultiTeam. */
  private static final String SECOND = "gemeente-leeuwarden";
  private static final LocalDate DAY = LocalDate.of(2026, 1, 10);

  @TempDir
  Path dir;

  private final MockProducer<String, Object> kafka = new MockProducer<>(true, null, new StringSerializer(),
      (topic, value) -> new byte[0]);
  private PrivacyFixture privacy;

  @BeforeEach
  void keys() {
    privacy = new PrivacyFixture(dir.resolve("privacy"));
  }

  @Test
  void onlyTheCopyOfTheRecipientThatSeesTheContactsTellsAndOnlyWhereTheCovenantAgreed() throws IOException {
    MatchNotifier agreed = notifier(covenants(true));

    assertThat(agreed.plan(List.of(copy("match-tweede", SECOND)))).as("the second recipient's copy").isEmpty();
    assertThat(agreed.plan(List.of(copy("match-mt", MULTITEAM)))).extracting(n -> n.told().signalId())
        .containsExactlyInAnyOrder("s-politie", "s-school");
    assertThat(notifier(covenants(false)).plan(List.of(copy("match-mt", MULTITEAM))))
        .as("a covenant whose parties did not agree").isEmpty();
  }

  @Test
  void aRefusedAddressIsAnErrorInTheTraceOfItsNotification() throws IOException {
    MatchNotifier notifier = notifier(covenants(true));
    MatchNotification notification = notifier.plan(List.of(copy("match-mt", MULTITEAM))).get(0);

    ProcessingRecord logged = notifier.log(notification);
    notifier.refused(notification, logged);

    assertThat(kafka.history()).extracting(ProducerRecord::value).map(ProcessingRecord.class::cast)
        .satisfiesExactly(
            first -> assertThat(first.getStatus()).isEqualTo(ProcessingStatus.OK),
            refusal -> {
              assertThat(refusal.getTraceId()).isEqualTo(logged.getTraceId());
              assertThat(refusal.getParentSpanId()).isEqualTo(logged.getSpanId());
              assertThat(refusal.getName()).isEqualTo(MatchNotifier.NOTIFIED);
              assertThat(refusal.getStatus()).isEqualTo(ProcessingStatus.ERROR);
              assertThat(refusal.getReasonCode()).isEqualTo("ADRES_GEWEIGERD");
              assertThat(refusal.getSignalId()).isEqualTo(notification.told().signalId());
            });
  }

  private MatchNotifier notifier(Covenants covenants) {
    return new MatchNotifier(new RoutedSignalReader(privacy.decryption), covenants,
        new NotificationPlanner(partner -> partner), new JdbcNotificationLedger(migrated(), privacy.clock),
        new ProcessingLog(new SubmissionPublisher(() -> kafka)), privacy.clock);
  }

  /** The shipped covenants, the PmG one with a second recipient and the given agreement on telling professionals. */
  private Covenants covenants(boolean notifyProfessionals) throws IOException {
    Path config = dir.resolve("config-" + notifyProfessionals);
    Path shipped = Path.of("../config");
    try (Stream<Path> files = Files.walk(shipped)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = config.resolve(shipped.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    Path pmg = config.resolve("covenants").resolve(PMG + ".yaml");
    Files.writeString(pmg, Files.readString(pmg)
        .replace("notifyProfessionals: false", "notifyProfessionals: " + notifyProfessionals)
        .replace("    recipients:\n      - partner: " + MULTITEAM + "\n",
            "    recipients:\n      - partner: " + SECOND + "\n        fields: [wijk]\n      - partner: " + MULTITEAM
                + "\n"));
    return new CovenantLoader(new PathMatchingResourcePatternResolver()).load(config.toUri().toString(),
        Fixtures.reference());
  }

  private Match copy(String matchId, String recipient) {
    return Match.newBuilder().setMatchId(matchId).setStatus(MatchStatus.OPEN).setRevision(1).setCovenantId(PMG)
        .setRecipient(recipient).setPseudonym("v1:p")
        .setSignals(List.of(signal(recipient, "s-politie", "politie-leeuwarden-oost", "agent@politie.example"),
            signal(recipient, "s-school", "ikc-1", "mentor@ikc.example")))
        .setOpenUntil(DAY.plusMonths(6)).setUpdatedAt(privacy.clock.instant()).build();
  }

  private MatchedSignal signal(String recipient, String id, String supplier, String address) {
    YearMonth period = YearMonth.from(DAY);
    SignalContent contact = SignalContent.newBuilder().setProfessionalName("Professional van " + supplier)
        .setProfessionalContact(address).build();
    return MatchedSignal.newBuilder().setSignalId(id).setSupplier(supplier).setSignalDate(DAY)
        .setKeyPeriod(period.toString())
        .setContact(ByteBuffer.wrap(privacy.cipher.seal(new Envelope(PMG, period, recipient, id, "matchContact"),
            contact)))
        .build();
  }

  private static JdbcDataSource migrated() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/privacy/h2").load().migrate();
    return dataSource;
  }
}
