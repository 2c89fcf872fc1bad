package nl.wijkhub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.events.LedgerEntry;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.SubmissionPublisher;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Who may withdraw a delivery, decided on what the ledger knows after catching up, never on what this hub happened
 * to have read before. Without Kafka: the ledger reads a prepared consumer, and nothing may be published.
 */
class WithdrawalsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final TopicPartition LEDGER = new TopicPartition(Topics.LEDGER.name(), 0);

  @Test
  void anotherPartnersDeliveryThisHubLearnsOfOnlyWhileCatchingUpIsRefused() {
    SubmissionReceipt theirs = receipt("their-delivery", "woonbedrijf");
    ReceiptLedger ledger = new ReceiptLedger(() -> consumerWith(ReceiptLedger.entryOf(theirs, "COUNTS")),
        Duration.ofSeconds(5));
    assertThat(ledger.receipt("their-delivery")).as("this hub has not read the delivery yet").isEmpty();
    Withdrawals withdrawals = new Withdrawals(
        new ObservationStore(new DriverManagerDataSource("jdbc:h2:mem:withdrawals-test")),
        new SubmissionPublisher(() -> {
          throw new AssertionError("nothing may be published for a refused withdrawal");
        }), ledger, Clock.fixed(T0, ZoneOffset.UTC));

    assertThatThrownBy(() -> withdrawals.withdraw("their-delivery", Withdrawals.Withdrawer.partner("dbieb")))
        .isInstanceOfSatisfying(Withdrawals.Refused.class, refused -> {
          assertThat(refused.reason()).isEqualTo(Withdrawals.Refused.Reason.NOT_POSSIBLE);
          assertThat(refused.code()).isEqualTo(Withdrawals.ANOTHER_PARTNER);
        });
    assertThat(ledger.receipt(ReceiptLedger.withdrawalIdOf("their-delivery"))).isEmpty();
  }

  /** A consumer whose ledger partition holds this one entry, as another hub committed it. */
  private static MockConsumer<String, Object> consumerWith(LedgerEntry entry) {
    MockConsumer<String, Object> consumer = new MockConsumer<>("earliest");
    consumer.updateBeginningOffsets(Map.of(LEDGER, 0L));
    consumer.updateEndOffsets(Map.of(LEDGER, 1L));
    consumer.schedulePollTask(() -> consumer.addRecord(
        new ConsumerRecord<>(LEDGER.topic(), LEDGER.partition(), 0L, entry.getSubmissionId(), entry)));
    return consumer;
  }

  private static SubmissionReceipt receipt(String id, String partner) {
    return SubmissionReceipt.newBuilder()
        .setSubmissionId(id).setPartner(partner).setChannel("API").setSourceName(id + ".csv").setSha256("sha-" + id)
        .setStatus(ReceiptStatus.ACCEPTED).setAccepted(3).setRejected(0).setErrors(List.of()).setErrorsOmitted(0)
        .setDuplicateOf(null).setReceivedAt(T0).setCompletedAt(T0).setDryRun(false).setIdempotencyKey(null)
        .build();
  }
}
