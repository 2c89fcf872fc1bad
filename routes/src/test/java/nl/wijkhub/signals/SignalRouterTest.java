package nl.wijkhub.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nl.wijkhub.covenant.CovenantLoader;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.Fixtures;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.Signal;
import nl.wijkhub.events.SignalStatus;
import nl.wijkhub.events.SignalType;
import nl.wijkhub.events.Urgency;
import nl.wijkhub.privacy.PrivacyFixture;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.publish.CovenantTopics;
import nl.wijkhub.publish.SubmissionPublisher;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.publish.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The router's checks before anything is sealed: a trial makes no key, and a signal dated in a crypto-shredded month
 * is refused with its own code and a logged refusal instead of failing the delivery.
 */
class SignalRouterTest {

  private static final Covenants COVENANTS = new CovenantLoader(new PathMatchingResourcePatternResolver())
      .load("file:../config/", Fixtures.reference());
  private static final String PMG = "pmg-leeuwarden-oost";

  @TempDir
  Path dir;

  /** Collects what a delivery's transaction would publish. */
  private static final class Recorded implements EventTransaction {
    final List<Object> sent = new ArrayList<>();

    @Override
    public <V> Future<RecordMetadata> send(Topic<V> topic, String key, V value) {
      sent.add(value);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void commit() {}

    @Override
    public void close() {}
  }

  private SignalRouter router(PrivacyFixture privacy) {
    ProcessingLog log = new ProcessingLog(new SubmissionPublisher(() -> {
      throw new AssertionError("steps go into the delivery's transaction");
    }));
    return new SignalRouter(COVENANTS, new CovenantTopics(COVENANTS), privacy.pseudonyms, privacy.cipher, log,
        privacy.clock);
  }

  private static ValidatedSignal signal(LocalDate date) {
    return new ValidatedSignal(Signal.newBuilder()
        .setSignalId(UUID.randomUUID().toString())
        .setSupplier("politie-leeuwarden-oost")
        .setType(SignalType.JONGERE_IN_BEELD)
        .setBsn("111222333")
        .setName("Jan de Vries")
        .setWijk("bilgaard")
        .setSignalDate(date)
        .setProfessionalName("A. Agent")
        .setProfessionalContact("0580-123456")
        .setUrgency(Urgency.NORMAAL)
        .setReceivedAt(Fixtures.RECEIVED_AT)
        .build(), RoutedSignalKind.NIEUW);
  }

  private static Delivery delivery() {
    return Fixtures.delivery("politie-leeuwarden-oost").as(Delivery.Kind.SIGNALS);
  }

  private static List<Path> keyFiles(Path keys) throws IOException {
    if (!Files.exists(keys)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(keys)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void aTrialChecksTheCovenantButCreatesNoDataKeyAndNoPseudonymKey() throws IOException {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    Recorded tx = new Recorded();

    SignalRouter.Outcome outcome = router(privacy).route(signal(LocalDate.of(2025, 11, 3)), delivery().asDryRun(),
        tx, null);

    assertThat(outcome.refused()).isEmpty();
    assertThat(outcome.registration().getCovenantId()).isEqualTo(PMG);
    assertThat(outcome.registration().getStatus()).isEqualTo(SignalStatus.ACTIEF);
    assertThat(keyFiles(dir.resolve("keys"))).as("keys made by a trial").isEmpty();
    assertThat(tx.sent).isEmpty();
  }

  @Test
  void aCorrectionIntoATypeTheSupplierMayNotShareIsRefusedAsANewSignalWouldBe() throws IOException {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    Recorded tx = new Recorded();
    ValidatedSignal valid = signal(LocalDate.of(2025, 11, 3));
    // The police may share JONGERE_IN_BEELD and OVERLAST_OP_ADRES under the covenant, never HUURACHTERSTAND.
    Signal retyped = Signal.newBuilder(valid.signal()).setType(SignalType.HUURACHTERSTAND).build();

    SignalRouter.Outcome outcome = router(privacy).route(new ValidatedSignal(retyped, RoutedSignalKind.CORRECTIE),
        delivery(), tx, PMG);

    assertThat(outcome.refused()).hasValueSatisfying(notRouted ->
        assertThat(notRouted.code()).isEqualTo("GEEN_CONVENANT"));
    assertThat(outcome.registration()).isNull();
    assertThat(tx.sent).singleElement().isInstanceOfSatisfying(ProcessingRecord.class, record -> {
      assertThat(record.getName()).isEqualTo("geweigerd");
      assertThat(record.getReasonCode()).isEqualTo("GEEN_CONVENANT");
    });
    assertThat(keyFiles(dir.resolve("keys"))).as("keys made for a refused correction").isEmpty();
  }

  @Test
  void aCorrectionOrWithdrawalUnderAnotherCovenantThanItsSignalIsRefusedAndReachesNoRecipient() throws IOException {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    // The signal was shared under the case meeting's covenant; the correction's type and date fall under PmG's.
    for (RoutedSignalKind action : List.of(RoutedSignalKind.CORRECTIE, RoutedSignalKind.INTREKKING)) {
      Recorded tx = new Recorded();
      SignalRouter.Outcome outcome = router(privacy).route(new ValidatedSignal(
          signal(LocalDate.of(2025, 11, 3)).signal(), action), delivery(), tx, "svn-casusoverleg");

      assertThat(outcome.refused()).as(action.name()).hasValueSatisfying(notRouted ->
          assertThat(notRouted.code()).isEqualTo("ANDER_CONVENANT"));
      assertThat(tx.sent).singleElement().isInstanceOfSatisfying(ProcessingRecord.class, record ->
          assertThat(record.getReasonCode()).isEqualTo("ANDER_CONVENANT"));
    }
    assertThat(keyFiles(dir.resolve("keys"))).as("keys made for a refused correction").isEmpty();
  }

  @Test
  void aSignalDatedInACryptoShreddedMonthIsRefusedWithItsOwnCodeAndTheRefusalIsLogged() {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    privacy.dataKeys.destroy(PMG, YearMonth.of(2025, 3));
    Recorded tx = new Recorded();

    SignalRouter.Outcome outcome = router(privacy).route(signal(LocalDate.of(2025, 3, 10)), delivery(), tx, null);

    assertThat(outcome.refused()).hasValueSatisfying(notRouted -> {
      assertThat(notRouted.code()).isEqualTo("PERIODE_VERNIETIGD");
      assertThat(notRouted.message()).contains("2025-03").doesNotContain("111222333", "Jan");
    });
    assertThat(tx.sent).singleElement().isInstanceOfSatisfying(ProcessingRecord.class, record -> {
      assertThat(record.getName()).isEqualTo("geweigerd");
      assertThat(record.getReasonCode()).isEqualTo("PERIODE_VERNIETIGD");
      assertThat(record.getDataSubjectId()).isNull();
    });
  }
}
