package nl.wijkhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.wijkhub.events.LedgerEntry;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import org.junit.jupiter.api.Test;

/**
 * The ledger's rules without Kafka: the partner's current delivery is the last qualifying one in commit (offset)
 * order, whatever order the hub learns of them in; an Idempotency-Key keeps its first delivery.
 */
class ReceiptLedgerTest {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  private final ReceiptLedger ledger = new ReceiptLedger(() -> {
    throw new AssertionError("no Kafka in this test");
  }, Duration.ofSeconds(1));

  @Test
  void anEarlierFileSentAgainAfterAnotherIsNotADuplicateAnymore() {
    record("a1", "sha-a", ReceiptStatus.ACCEPTED, 5, null, 0);
    assertThat(currentSha()).isEqualTo("sha-a");
    record("b1", "sha-b", ReceiptStatus.ACCEPTED, 5, null, 1);
    assertThat(currentSha()).isEqualTo("sha-b");
    record("a2", "sha-a", ReceiptStatus.ACCEPTED, 5, null, 2);

    assertThat(ledger.current("dbieb", "COUNTS")).map(LedgerEntry::getSubmissionId).hasValue("a2");
  }

  @Test
  void duplicatesTrialsAndWhollyRejectedDeliveriesDoNotBecomeCurrent() {
    record("a1", "sha-a", ReceiptStatus.PARTIALLY_ACCEPTED, 3, null, 0);
    record("x1", "sha-x", ReceiptStatus.REJECTED, 0, null, 1);
    record("a2", "sha-a", ReceiptStatus.DUPLICATE, 0, null, 2);

    assertThat(ledger.current("dbieb", "COUNTS")).map(LedgerEntry::getSubmissionId).hasValue("a1");
    assertThat(ledger.current("other", "COUNTS")).isEmpty();
  }

  @Test
  void entriesLearnedOutOfCommitOrderStillLeaveTheLastCommittedCurrent() {
    // This hub's own commit (offset 7) is applied at once; another hub's earlier commit (offset 6) arrives later.
    record("mine", "sha-mine", ReceiptStatus.ACCEPTED, 1, null, 7);
    record("theirs", "sha-theirs", ReceiptStatus.ACCEPTED, 1, null, 6);
    record("mine", "sha-mine", ReceiptStatus.ACCEPTED, 1, null, 7);

    assertThat(currentSha()).isEqualTo("sha-mine");
  }

  @Test
  void anIdempotencyKeyAnswersWithItsFirstDeliveryAndTheLatestDeliveryOfAContentIsFound() {
    record("first", "sha-a", ReceiptStatus.REJECTED, 0, "key-1", 3);
    record("again", "sha-a", ReceiptStatus.REJECTED, 0, "key-1", 4);

    assertThat(ledger.byIdempotencyKey("dbieb", "key-1")).map(SubmissionReceipt::getSubmissionId).hasValue("first");
    assertThat(ledger.latest("dbieb", "sha-a")).map(SubmissionReceipt::getSubmissionId).hasValue("again");
    assertThat(ledger.isCommitted("again")).isTrue();
    assertThat(ledger.isCommitted("never")).isFalse();
  }

  private String currentSha() {
    return ledger.current("dbieb", "COUNTS").map(LedgerEntry::getSha256).orElseThrow();
  }

  private void record(String id, String sha, ReceiptStatus status, long accepted, String key, long offset) {
    SubmissionReceipt receipt = SubmissionReceipt.newBuilder()
        .setSubmissionId(id).setPartner("dbieb").setChannel("API").setSourceName(id + ".csv").setSha256(sha)
        .setStatus(status).setAccepted(accepted).setRejected(0).setErrors(List.of()).setErrorsOmitted(0)
        .setDuplicateOf(null).setReceivedAt(T0.plusSeconds(offset)).setCompletedAt(T0.plusSeconds(offset))
        .setDryRun(false).setIdempotencyKey(key).build();
    ledger.record(receipt, ReceiptLedger.entryOf(receipt, "COUNTS"), offset);
  }
}
