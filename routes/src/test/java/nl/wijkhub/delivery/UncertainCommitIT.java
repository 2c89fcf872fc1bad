package nl.wijkhub.delivery;

import static nl.wijkhub.delivery.HandBuiltPipeline.observations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.wijkhub.counts.CountsKind;
import nl.wijkhub.embedded.KafkaBroker;
import nl.wijkhub.events.LedgerEntry;
import nl.wijkhub.events.LedgerStatus;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.BrokerPause;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit whose outcome the hub does not hear, on the real broker, paused (SIGSTOP) at the moment of the commit: the
 * hub finds out from the ledger whether the delivery is there before it answers, and never publishes it twice. The
 * pipeline is built by hand here so that its producer can pause the broker exactly around {@code commitTransaction}.
 */
@ExtendWith(TestInfrastructure.class)
class UncertainCommitIT {

  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";

  @TempDir
  Path files;

  private final KafkaBroker broker = TestInfrastructure.stack().broker();
  private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
  private final BrokerPause brokerPause = new BrokerPause(broker);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private HandBuiltPipeline fixture;

  private enum Fault {
    NONE,
    /** The broker commits, then stops before the answer reaches the hub. */
    ANSWER_LOST,
    /** The broker stops before the commit reaches it. */
    PAUSED_BEFORE_COMMIT
  }

  @AfterEach
  void resumeBrokerAndClose() {
    brokerPause.resume();
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aCommitWhoseAnswerIsLostIsAnsweredWithItsReceiptAndNotPublishedAgain() throws Exception {
    DeliveryPipeline pipeline = pipeline(Duration.ofSeconds(20));
    String marker = "antwoord-kwijt " + UUID.randomUUID();
    Delivery delivery = delivery(marker);

    fault.set(Fault.ANSWER_LOST);
    CompletableFuture<SubmissionReceipt> answer = CompletableFuture.supplyAsync(() -> pipeline.ingest(delivery));
    await().atMost(Duration.ofSeconds(60)).untilTrue(brokerPause.paused());
    brokerPause.resume();
    SubmissionReceipt receipt = answer.get(60, TimeUnit.SECONDS);

    assertThat(receipt.getSubmissionId()).isEqualTo(delivery.submissionId());
    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    assertThat(meters.counter("wijkhub.commits.settled", "outcome", "committed").count()).isEqualTo(1);
    assertThat(TopicReader.committed(Topics.LEDGER.name(), LedgerEntry.class,
        e -> e.getSubmissionId().equals(delivery.submissionId()))).hasSize(1);

    SubmissionReceipt again = pipeline.ingest(delivery(marker));
    assertThat(again.getStatus()).isEqualTo(ReceiptStatus.DUPLICATE);
    assertThat(again.getDuplicateOf()).isEqualTo(delivery.submissionId());
    assertThat(observations(marker)).hasSize(2)
        .allSatisfy(o -> assertThat(o.getSubmissionId()).isEqualTo(delivery.submissionId()));
  }

  @Test
  void aCommitThatCannotBeSettledIsNotPublishedAndTheRetryPublishesTheRowsOnce() throws Exception {
    DeliveryPipeline pipeline = pipeline(Duration.ofSeconds(3));
    String marker = "broker-stil " + UUID.randomUUID();
    Delivery first = delivery(marker);

    fault.set(Fault.PAUSED_BEFORE_COMMIT);
    assertThatThrownBy(() -> pipeline.ingest(first)).isInstanceOf(DeliveryNotPublished.class);
    assertThat(brokerPause.paused()).isTrue();
    brokerPause.resume();

    // Once running again, the broker may need longer than the short max.block.ms to settle the open transaction; the
    // hub retries a delivery that was not published (TransientFaultBackoffIT), and so does this test.
    Set<String> attempts = new LinkedHashSet<>(List.of(first.submissionId()));
    SubmissionReceipt retry = await().atMost(Duration.ofSeconds(90)).ignoreException(DeliveryNotPublished.class)
        .until(() -> {
          Delivery again = delivery(marker);
          attempts.add(again.submissionId());
          return pipeline.ingest(again);
        }, receipt -> receipt != null);

    // Kafka may or may not have taken the first commit once it ran again; the retry sees which, and the rows are
    // there exactly once either way.
    List<String> onLedger = TopicReader.committed(Topics.LEDGER.name(), LedgerEntry.class,
        e -> attempts.contains(e.getSubmissionId()) && e.getStatus() != LedgerStatus.DUPLICATE).stream().map(r -> r.value().getSubmissionId()).toList();
    if (retry.getStatus() == ReceiptStatus.DUPLICATE) {
      assertThat(onLedger).containsExactly(retry.getDuplicateOf());
      assertThat(retry.getDuplicateOf()).isNotEqualTo(retry.getSubmissionId());
    } else {
      assertThat(retry.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
      assertThat(onLedger).containsExactly(retry.getSubmissionId());
    }
    assertThat(observations(marker)).hasSize(2);
  }

  private DeliveryPipeline pipeline(Duration maxBlock) {
    fixture = new HandBuiltPipeline(files, meters);
    KafkaSettings settings = fixture.settings(Map.of(
        "max.block.ms", Long.toString(maxBlock.toMillis()),
        "request.timeout.ms", "2000",
        "delivery.timeout.ms", Long.toString(Math.max(maxBlock.toMillis(), 2020))));
    return fixture.start(settings, FaultyProducer::new, List.of(new CountsKind(Fixtures.reference())));
  }

  /** A producer that pauses the broker around the commit, as {@link #fault} says, once. */
  private final class FaultyProducer extends KafkaProducer<String, Object> {

    FaultyProducer(Map<String, Object> properties) {
      super(properties);
    }

    @Override
    public void commitTransaction() {
      Fault now = fault.getAndSet(Fault.NONE);
      if (now == Fault.PAUSED_BEFORE_COMMIT) {
        brokerPause.pause();
      }
      super.commitTransaction();
      if (now == Fault.ANSWER_LOST) {
        brokerPause.pause();
        throw new TimeoutException("the broker stopped before it answered the commit");
      }
    }
  }

  /** DBieb's counts for 2014, a year no other test delivers: ReportApiIT's report of 2019 counts every row of it. */
  private Delivery delivery(String marker) throws IOException {
    String content = HEADER + "taalmaatjes-gekoppeld;Bilgaard;2014;3;" + marker + "\n"
        + "taalmaatjes-gekoppeld;Vrijheidswijk;2014;4;" + marker + "\n";
    Path file = Files.writeString(files.resolve(UUID.randomUUID() + ".csv"), content);
    return Delivery.of("dbieb", "API", "telling.csv", file, Spool.sha256(file), Files.size(file),
        Clock.systemUTC().instant());
  }
}
