package nl.wijkhub.delivery;

import static nl.wijkhub.delivery.HandBuiltPipeline.observations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import nl.wijkhub.counts.CountsKind;
import nl.wijkhub.events.LedgerEntry;
import nl.wijkhub.events.ReceiptError;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.SignalStatus;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.signals.SignalsKindFixture;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small deliveries that wait while a commit is under way share the next transaction, on the real broker. The first
 * commit is held at a gate until the others are waiting for their turn, so that which deliveries form a group is
 * certain rather than left to timing.
 */
@ExtendWith(TestInfrastructure.class)
class GroupCommitIT {

  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";
  /** Passes the 11-test: a count with it is a signal sent down the wrong path, refused as a whole. */
  private static final String BSN_LIKE = "111222333";
  private static final String PMG = Topics.multiteam("pmg-leeuwarden-oost", Duration.ZERO).name();

  @TempDir
  Path files;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicBoolean gateArmed = new AtomicBoolean();
  private final CountDownLatch atGate = new CountDownLatch(1);
  private final CountDownLatch openGate = new CountDownLatch(1);
  /** The threads whose commits went through, in order: each delivery ingests in a thread named after it. */
  private final List<String> committedBy = new CopyOnWriteArrayList<>();
  private Duration maxWait = Duration.ofMinutes(2);
  private HandBuiltPipeline fixture;
  private SignalsKindFixture signals;

  @AfterEach
  void close() {
    openGate.countDown();
    if (signals != null) {
      signals.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void twoPartnersShareACommitAndARefusedMemberTakesNoOneElsesRows() throws Exception {
    DeliveryPipeline pipeline = pipeline();
    String marker = "groep " + UUID.randomUUID();
    Ingest first = holdFirstCommit(pipeline, dbieb(marker + " eerste"));

    // One at a time, each waiting before the next starts, so that they queue in this order: the refused delivery
    // shares the library's group, and the school's (the same partner as the refused one) waits for the next.
    Ingest library = Ingest.start(pipeline, dbieb(marker + " bibliotheek"));
    awaitWaiting(1);
    Ingest refused = Ingest.start(pipeline, voOost(marker + " geweigerd", BSN_LIKE));
    awaitWaiting(2);
    Ingest school = Ingest.start(pipeline, voOost(marker + " school", ""));
    awaitWaiting(3);
    openGate.countDown();

    assertThat(first.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(library.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(school.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(refused.receipt().getStatus()).isEqualTo(ReceiptStatus.REJECTED);
    assertThat(refused.receipt().getErrors()).singleElement()
        .satisfies(error -> assertThat(error.getCode()).isEqualTo(PersonalData.refusal(3L, "toelichting").code()));
    // The refused delivery's first row was read and staged before the second refused it: it is on no topic, and the
    // rows of the deliveries beside it in the transaction are all there, once.
    assertThat(observations(marker + " geweigerd")).isEmpty();
    for (String rows : List.of(" eerste", " bibliotheek", " school")) {
      assertThat(observations(marker + rows)).as(rows).hasSize(2);
    }
    // The first commit alone; then the library's delivery together with the refused one (two partners); then the
    // school's, which waited for a group of its own, since one partner's counts never share a group.
    DistributionSummary groups = meters.summary("wijkhub.ingest.group.size");
    assertThat(groups.count()).isEqualTo(3);
    assertThat(groups.totalAmount()).isEqualTo(4.0);
  }

  @Test
  void twoRequestsWithOneIdempotencyKeyAtOncePublishOnce() throws Exception {
    DeliveryPipeline pipeline = pipeline();
    String marker = "sleutel " + UUID.randomUUID();
    Ingest first = holdFirstCommit(pipeline, dbieb(marker + " eerste"));

    String key = "groep-" + UUID.randomUUID();
    String content = HEADER + "huiswerkbegeleiding-kinderen;Bilgaard;2017;5;" + marker + "\n";
    Ingest one = Ingest.start(pipeline, delivery("vo-oost", content).withIdempotencyKey(key));
    Ingest other = Ingest.start(pipeline, delivery("vo-oost", content).withIdempotencyKey(key));
    awaitWaiting(2);
    openGate.countDown();

    assertThat(first.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    SubmissionReceipt receipt = one.receipt();
    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(other.receipt().getSubmissionId()).isEqualTo(receipt.getSubmissionId());
    assertThat(TopicReader.committed(Topics.LEDGER.name(), LedgerEntry.class,
        entry -> key.equals(entry.getIdempotencyKey()))).hasSize(1);
    assertThat(observations(marker)).hasSize(1);
  }

  @Test
  void aWithdrawalAndACorrectionOfOneSignalHeldTogetherDoNotBothPass() throws Exception {
    DeliveryPipeline pipeline = signalsPipeline();
    String marker = "ingetrokken " + UUID.randomUUID();
    SubmissionReceipt created = pipeline.ingest(signal(marker, ""));
    assertThat(created.getStatus()).as(created.getErrors().toString()).isEqualTo(ReceiptStatus.ACCEPTED);
    String signalId = created.getReferences().get(0).getId();
    Ingest first = holdFirstCommit(pipeline, dbieb(marker + " eerste"));

    // The withdrawal queues first, the correction of the same signal after it, both while one commit is held: in
    // one group both would pass the register's check, and the correction would make the signal active again.
    Ingest withdrawal = Ingest.start(pipeline, signal(marker, ", \"actie\": \"intrekking\", \"signaal\": \"" + signalId
        + "\""));
    awaitWaiting(1);
    Ingest correction = Ingest.start(pipeline, signal(marker + " gecorrigeerd", ", \"actie\": \"correctie\","
        + " \"signaal\": \"" + signalId + "\""));
    awaitWaiting(2);
    openGate.countDown();

    assertThat(first.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(withdrawal.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    SubmissionReceipt refused = correction.receipt();
    assertThat(refused.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
    assertThat(refused.getErrors()).extracting(ReceiptError::getCode).containsExactly("SIGNAAL_AL_INGETROKKEN");
    assertThat(signals.registration(signalId)).hasValueSatisfying(registration ->
        assertThat(registration.getStatus()).isEqualTo(SignalStatus.INGETROKKEN));
    assertThat(TopicReader.committed(PMG, RoutedSignal.class, s -> s.getSignalId().equals(signalId)))
        .extracting(r -> r.value().getKind()).containsExactly(RoutedSignalKind.NIEUW, RoutedSignalKind.INTREKKING);
  }

  @Test
  void onePartnersNewSignalsShareACommit() throws Exception {
    DeliveryPipeline pipeline = signalsPipeline();
    String marker = "nieuw " + UUID.randomUUID();
    Ingest first = holdFirstCommit(pipeline, dbieb(marker + " eerste"));

    Ingest one = Ingest.start(pipeline, signal(marker + " een", ""));
    awaitWaiting(1);
    Ingest other = Ingest.start(pipeline, signal(marker + " twee", ""));
    awaitWaiting(2);
    openGate.countDown();

    assertThat(first.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(one.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(other.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    // The held commit alone, then both signals of the one partner together.
    DistributionSummary groups = meters.summary("wijkhub.ingest.group.size");
    assertThat(groups.count()).isEqualTo(2);
    assertThat(groups.totalAmount()).isEqualTo(3.0);
    for (SubmissionReceipt receipt : List.of(one.receipt(), other.receipt())) {
      String signalId = receipt.getReferences().get(0).getId();
      assertThat(TopicReader.committed(PMG, RoutedSignal.class, s -> s.getSignalId().equals(signalId)))
          .extracting(r -> r.value().getKind()).containsExactly(RoutedSignalKind.NIEUW);
    }
  }

  @Test
  void aLargeDeliveryWaitingForTheTurnGoesBeforeSmallOnesThatCameLater() throws Exception {
    DeliveryPipeline pipeline = pipeline();
    String marker = "groot " + UUID.randomUUID();
    Ingest first = holdFirstCommit(pipeline, dbieb(marker + " eerste"));

    Ingest large = Ingest.start(pipeline, refusedLarge("vo-oost", marker));
    awaitQueued(large);
    Ingest small = Ingest.start(pipeline, voOost(marker + " klein", ""));
    awaitWaiting(1);
    openGate.countDown();

    assertThat(first.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(large.receipt().getStatus()).isEqualTo(ReceiptStatus.REJECTED);
    assertThat(small.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    // A small delivery that jumped the queue could keep a large one waiting for as long as small ones keep coming.
    assertThat(committedBy).containsExactly(first.thread().getName(), large.thread().getName(),
        small.thread().getName());
  }

  @Test
  void aSmallDeliveryKeepsItsPlaceBeforeLargeOnesThatCameLater() throws Exception {
    DeliveryPipeline pipeline = pipeline();
    String marker = "plaats " + UUID.randomUUID();
    Ingest first = holdFirstCommit(pipeline, dbieb(marker + " eerste"));

    Ingest small = Ingest.start(pipeline, voOost(marker + " klein", ""));
    awaitWaiting(1);
    awaitQueued(small);
    Ingest large = Ingest.start(pipeline, refusedLarge("dbieb", marker + " een"));
    awaitQueued(large);
    Ingest later = Ingest.start(pipeline, refusedLarge("dbieb", marker + " twee"));
    awaitQueued(later);
    openGate.countDown();

    assertThat(small.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(large.receipt().getStatus()).isEqualTo(ReceiptStatus.REJECTED);
    assertThat(later.receipt().getStatus()).isEqualTo(ReceiptStatus.REJECTED);
    // Small deliveries that waited only for their answer were overtaken by every large one that queued meanwhile:
    // at a deadline, with large files arriving all the time, a signal could wait until it timed out.
    assertThat(committedBy).containsExactly(first.thread().getName(), small.thread().getName(),
        large.thread().getName(), later.thread().getName());
  }

  @Test
  void aSmallDeliveryThatWaitsTooLongIsNotPublished() throws Exception {
    maxWait = Duration.ofSeconds(2);
    DeliveryPipeline pipeline = pipeline();
    String marker = "te laat " + UUID.randomUUID();
    Ingest first = holdFirstCommit(pipeline, dbieb(marker + " eerste"));

    Ingest late = Ingest.start(pipeline, voOost(marker + " te laat", ""));
    assertThatThrownBy(late::receipt).satisfies(e -> assertThat(e.getCause())
        .isInstanceOf(DeliveryNotPublished.class).hasMessageContaining("still being ingested after PT2S"));
    assertThat(meters.get("wijkhub.ingest.waiting").gauge().value()).as("it left the queue").isZero();
    openGate.countDown();

    assertThat(first.receipt().getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    first.thread().join(Duration.ofSeconds(60).toMillis());
    assertThat(pipeline.ingest(voOost(marker + " daarna", "")).getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(observations(marker + " te laat")).isEmpty();
    assertThat(observations(marker + " daarna")).hasSize(2);
  }

  /** Starts {@code delivery} and waits until its commit is held at the gate, so that later ones must wait. */
  private Ingest holdFirstCommit(DeliveryPipeline pipeline, Delivery delivery) throws InterruptedException {
    gateArmed.set(true);
    Ingest first = Ingest.start(pipeline, delivery);
    assertThat(atGate.await(60, TimeUnit.SECONDS)).as("the first commit reached the gate").isTrue();
    return first;
  }

  /**
   * Waits until {@code deliveries} are staged and queued for their turn. The queue, not a thread's state: a
   * delivery is staged in its own thread before it queues, and staging a signal may wait on Kafka (the register),
   * up to the register's own 30 s look-up wait: so longer than that.
   */
  private void awaitWaiting(int deliveries) {
    await().atMost(Duration.ofSeconds(120))
        .until(() -> meters.get("wijkhub.ingest.waiting").gauge().value() == deliveries);
  }

  /** Waits until {@code ingest}'s thread waits for the turn (a large delivery, or the first small one queued). */
  private static void awaitQueued(Ingest ingest) {
    await().atMost(Duration.ofSeconds(30)).until(() -> ingest.thread().getState() == Thread.State.TIMED_WAITING);
  }

  /** One delivery ingested in a thread of its own. */
  private record Ingest(Thread thread, FutureTask<SubmissionReceipt> answer) {

    static Ingest start(DeliveryPipeline pipeline, Delivery delivery) {
      FutureTask<SubmissionReceipt> answer = new FutureTask<>(() -> pipeline.ingest(delivery));
      Thread thread = new Thread(answer, "ingest-" + delivery.submissionId());
      thread.start();
      return new Ingest(thread, answer);
    }

    SubmissionReceipt receipt() throws Exception {
      return answer.get(120, TimeUnit.SECONDS);
    }
  }

  private Delivery dbieb(String marker) throws IOException {
    return delivery("dbieb", HEADER + "taalmaatjes-gekoppeld;Bilgaard;2017;3;" + marker + "\n"
        + "taalmaatjes-gekoppeld;Vrijheidswijk;2017;4;" + marker + "\n");
  }

  /** A school's two rows; the second's toelichting is {@code secondNote}. */
  private Delivery voOost(String marker, String secondNote) throws IOException {
    return delivery("vo-oost", HEADER + "huiswerkbegeleiding-kinderen;Bilgaard;2017;3;" + marker + "\n"
        + "huiswerkbegeleiding-kinderen;Vrijheidswijk;2017;4;" + (secondNote.isEmpty() ? marker : secondNote) + "\n");
  }

  /** A police signal by API whose toelichting is {@code note}, with {@code extra} JSON members. */
  private Delivery signal(String note, String extra) throws IOException {
    String content = "[{\"soort\": \"jongere-in-beeld\", \"bsn\": \"111222333\", \"naam\": \"Jan de Vries\","
        + " \"geboortedatum\": \"2010-05-04\", \"wijk\": \"Bilgaard\", \"datum\": \""
        + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\", \"professional\": \"A. Agent\","
        + " \"contact\": \"0580-123456\", \"toelichting\": \"" + note + "\"" + extra + "}]";
    Path file = Files.writeString(files.resolve(UUID.randomUUID() + ".json"), content);
    return Delivery.of("politie-leeuwarden-oost", "API", "signalen.json", file, Spool.sha256(file),
        Files.size(file), Clock.systemUTC().instant()).as(Delivery.Kind.SIGNALS);
  }

  /**
   * More than a shared transaction takes, so that it waits for a turn of its own; every row's period is invalid, so
   * that it publishes nothing but its receipt on the topics other test classes read.
   */
  private Delivery refusedLarge(String partner, String marker) throws IOException {
    StringBuilder content = new StringBuilder(HEADER);
    while (content.length() <= DeliveryPipeline.SHARED_MAX_BYTES) {
      content.append("huiswerkbegeleiding-kinderen;Bilgaard;0000;3;").append(marker).append('\n');
    }
    return delivery(partner, content.toString());
  }

  private Delivery delivery(String partner, String content) throws IOException {
    Path file = Files.writeString(files.resolve(UUID.randomUUID() + ".csv"), content);
    return Delivery.of(partner, "API", "telling.csv", file, Spool.sha256(file), Files.size(file),
        Clock.systemUTC().instant());
  }

  private DeliveryPipeline pipeline() {
    return pipeline(settings -> List.of());
  }

  /** A pipeline that takes signals too, with the real signals kind and the signal register on the broker. */
  private DeliveryPipeline signalsPipeline() {
    return pipeline(settings -> {
      signals = new SignalsKindFixture(files.resolve("keys"), settings.consumerProperties(),
          Map.of("bootstrap.servers", TestInfrastructure.stack().broker().bootstrapServers()));
      return List.of(signals.kind());
    });
  }

  private DeliveryPipeline pipeline(Function<KafkaSettings, List<DeliveryKind>> moreKinds) {
    fixture = new HandBuiltPipeline(files, meters);
    KafkaSettings settings = fixture.settings(Map.of());
    List<DeliveryKind> kinds = new ArrayList<>(moreKinds.apply(settings));
    kinds.add(new CountsKind(Fixtures.reference()));
    return fixture.start(settings, GatedProducer::new, kinds, maxWait);
  }

  /** A producer whose next commit, once the gate is armed, waits until the test opens the gate. */
  private final class GatedProducer extends KafkaProducer<String, Object> {

    GatedProducer(Map<String, Object> properties) {
      super(properties);
    }

    @Override
    public void commitTransaction() {
      if (gateArmed.getAndSet(false)) {
        atGate.countDown();
        try {
          openGate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      super.commitTransaction();
      committedBy.add(Thread.currentThread().getName());
    }
  }
}
