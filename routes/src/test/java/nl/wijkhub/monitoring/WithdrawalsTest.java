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
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.LedgerEntry;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.SubmissionPublisher;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Who may withdraw a delivery, decided on what the ledger knows after catching up, never on what this hub happened
 * to have read before, and who is recorded as having done it. Without a broker: the ledger reads a prepared consumer
 * and the publisher writes to a producer that keeps what was sent; the store runs on H2.
 */
class WithdrawalsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final TopicPartition LEDGER = new TopicPartition(Topics.LEDGER.name(), 0);

  @Test
  void anotherPartnersDeliveryThisHubLearnsOfOnlyWhileCatchingUpIsRefusedAsIfUnknown() {
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
          assertThat(refused.reason()).isEqualTo(Withdrawals.Refused.Reason.NOT_YOURS);
          assertThat(refused.code()).isEqualTo(Withdrawals.UNKNOWN);
          assertThat(refused.getMessage()).isEqualTo(Withdrawals.UNKNOWN_MESSAGE).doesNotContain("their-delivery");
        });
    assertThat(ledger.receipt(ReceiptLedger.withdrawalIdOf("their-delivery"))).isEmpty();
  }

  @Test
  void aStaffWithdrawalNamesTheStaffMemberOnItsLedgerEntryAndNeverOnThePartnersReceipt() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:withdrawals-staff;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    ObservationStore store = new ObservationStore(dataSource);
    SubmissionReceipt delivery = receipt("staff-withdrawn", "dbieb");
    store.store(List.of(IndicatorObservation.newBuilder().setProgramme("leeuwarden-oost")
        .setIndicator("taalmaatjes-gekoppeld").setWijk("bilgaard").setPeriod("2057").setValue(12).setPartner("dbieb")
        .setSubmissionId(delivery.getSubmissionId()).setLine(2).setRevision(1).setReceivedAt(T0).build()));
    ReceiptLedger ledger = new ReceiptLedger(WithdrawalsTest::emptyLedger, Duration.ofSeconds(5));
    ledger.record(delivery, ReceiptLedger.entryOf(delivery, "COUNTS"), 0);
    MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(),
        (topic, value) -> new byte[0]);
    SubmissionPublisher publisher = new SubmissionPublisher(() -> producer);
    publisher.initialise();
    Withdrawals withdrawals = new Withdrawals(store, publisher, ledger, Clock.fixed(T0, ZoneOffset.UTC));

    Withdrawals.Outcome outcome = withdrawals.withdraw("staff-withdrawn", Withdrawals.Withdrawer.staff("medewerker-7"));

    assertThat(outcome.receipt().getPartner()).isEqualTo("dbieb");
    assertThat(outcome.receipt().getChannel()).isEqualTo("PAGINA");
    assertThat(outcome.receipt().toString()).doesNotContain("medewerker-7");
    assertThat(producer.history()).filteredOn(r -> r.topic().equals(Topics.RECEIPTS.name()))
        .singleElement().satisfies(r -> assertThat(r.value().toString()).doesNotContain("medewerker-7"));
    assertThat(producer.history()).filteredOn(r -> r.topic().equals(Topics.LEDGER.name()))
        .singleElement().satisfies(r -> assertThat(((LedgerEntry) r.value()).getActedBy()).isEqualTo("medewerker-7"));
  }

  /** A consumer of a ledger that holds nothing this hub has not recorded itself. */
  private static MockConsumer<String, Object> emptyLedger() {
    MockConsumer<String, Object> consumer = new MockConsumer<>("earliest");
    consumer.updateBeginningOffsets(Map.of(LEDGER, 0L));
    consumer.updateEndOffsets(Map.of(LEDGER, 0L));
    return consumer;
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
