package nl.wijkhub.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.connectors.monitoring.StoredObservation;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.LedgerEntry;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.SubmissionPublisher;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Withdraws a delivery of counts, the whole delivery: one withdrawal event per key the store holds of it now, on the
 * indicators topic under that key, published through the hub's one transactional publisher together with a receipt
 * and a ledger entry, as a delivery is. Each event withdraws every value of the delivery, so that a value the store
 * reads only later (a lagging partition, a replayed dead letter) never counts either. The store then lets the
 * partner's previous values count again, and so does a store rebuilt from Kafka. The withdrawal's id follows from the
 * delivery's, so withdrawing twice answers the first withdrawal's receipt; a retry after an unanswered commit
 * publishes the same events again, which the store ignores.
 */
public final class Withdrawals {

  /** What a withdrawal answered: its receipt, and whether it had been withdrawn before. */
  public record Outcome(SubmissionReceipt receipt, boolean earlier) {}

  /**
   * Who withdraws, and so which deliveries they may withdraw.
   *
   * @param channel how the withdrawal came in: API (the partner) or PAGINA (programme staff)
   * @param partner the partner whose own deliveries alone may be withdrawn, or null for programme staff, whose
   *     pages check the delivery's programme against the store before they call
   * @param staffMember the login of the staff member acting for the partner, kept on the withdrawal's ledger entry
   *     and never on the partner's receipt; null when the partner acts itself
   */
  public record Withdrawer(String channel, String partner, String staffMember) {

    /** A partner through the API: only its own deliveries. */
    public static Withdrawer partner(String partnerId) {
      return new Withdrawer("API", partnerId, null);
    }

    /** A staff member on the history page. */
    public static Withdrawer staff(String login) {
      return new Withdrawer("PAGINA", null, login);
    }
  }

  /** Why a delivery cannot be withdrawn (now); the message is Dutch, for the partner or staff. */
  public static final class Refused extends RuntimeException {

    /**
     * What the caller can do: nothing (NOT_FOUND, NOT_YOURS, NOT_POSSIBLE) or try again shortly (NOT_YET).
     * NOT_YOURS is another partner's delivery: the caller must get exactly the answer of NOT_FOUND, so that it
     * cannot learn which ids are someone's delivery; the reason only tells the caller to log the denial.
     */
    public enum Reason { NOT_FOUND, NOT_YOURS, NOT_POSSIBLE, NOT_YET }

    private final Reason reason;
    private final String code;

    Refused(Reason reason, String code, String message) {
      super(message, null, false, false);
      this.reason = reason;
      this.code = code;
    }

    public Reason reason() {
      return reason;
    }

    public String code() {
      return code;
    }
  }

  /** The code of a refusal for an unknown delivery, and of one for another partner's, which must look the same. */
  public static final String UNKNOWN = "AANLEVERING_ONBEKEND";
  /** The message of both: it never repeats the id it was given. */
  public static final String UNKNOWN_MESSAGE = "Er is geen aanlevering met dit kenmerk. Gebruik het kenmerk van het"
      + " ontvangstbewijs.";
  private static final String COUNTS = "COUNTS";

  private final ObservationStore store;
  private final SubmissionPublisher publisher;
  private final ReceiptLedger ledger;
  private final Clock clock;

  Withdrawals(ObservationStore store, SubmissionPublisher publisher, ReceiptLedger ledger, Clock clock) {
    this.store = store;
    this.publisher = publisher;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** The receipt of a committed delivery, to decide who may withdraw it. */
  public Optional<SubmissionReceipt> delivery(String submissionId) {
    return ledger.receipt(submissionId);
  }

  /** The programmes a delivery holds values in, so that staff withdraw only deliveries of their programme. */
  public List<String> programmesOf(String submissionId) {
    return store.programmesOf(submissionId);
  }

  /**
   * Withdraws a delivery.
   *
   * <p>Whose delivery it is is checked only after the ledger has caught up: before that, this hub may not know a
   * delivery another hub committed, and an unknown owner must never let a withdrawal through.
   *
   * @throws Refused when there is no such delivery, it is another partner's (with the code and message of an unknown
   *     one), it holds no counts, or the store has not stored it yet
   */
  public synchronized Outcome withdraw(String submissionId, Withdrawer by) {
    ledger.catchUp();
    SubmissionReceipt original = ledger.receipt(submissionId).orElseThrow(() -> new Refused(
        Refused.Reason.NOT_FOUND, UNKNOWN, UNKNOWN_MESSAGE));
    if (by.partner() != null && !by.partner().equals(original.getPartner())) {
      throw new Refused(Refused.Reason.NOT_YOURS, UNKNOWN, UNKNOWN_MESSAGE);
    }
    String id = ReceiptLedger.withdrawalIdOf(submissionId);
    Optional<SubmissionReceipt> earlier = ledger.receipt(id);
    if (earlier.isPresent()) {
      return new Outcome(earlier.get(), true);
    }
    if (!ledger.kind(submissionId).map(COUNTS::equals).orElse(false)) {
      throw new Refused(Refused.Reason.NOT_POSSIBLE, "INTREKKEN_NIET_MOGELIJK", "Aanlevering " + submissionId
          + " bevat geen tellingen; alleen een aanlevering van tellingen kan hier worden ingetrokken.");
    }
    if (original.getAccepted() == 0) {
      throw new Refused(Refused.Reason.NOT_POSSIBLE, "INTREKKEN_NIET_MOGELIJK", "In aanlevering " + submissionId
          + " is geen enkele regel verwerkt; er is niets in te trekken.");
    }
    // The events go under keys of the delivery, so the store must hold at least one of its values.
    if (!store.holds(submissionId)) {
      throw new Refused(Refused.Reason.NOT_YET, "NOG_NIET_VERWERKT", "Aanlevering " + submissionId + " staat nog"
          + " niet in de monitoringopslag. Probeer het over een minuut opnieuw.");
    }
    return new Outcome(publish(id, by, original, store.keysHeld(submissionId)), false);
  }

  private SubmissionReceipt publish(String id, Withdrawer by, SubmissionReceipt original,
      List<StoredObservation> keys) {
    Instant now = clock.instant();
    SubmissionReceipt receipt = SubmissionReceipt.newBuilder()
        .setSubmissionId(id)
        .setPartner(original.getPartner())
        .setChannel(by.channel())
        .setSourceName("intrekking van " + original.getSubmissionId())
        .setSha256(sha256(id))
        .setStatus(ReceiptStatus.ACCEPTED)
        // Every accepted value of the delivery no longer counts, also those the store has not read yet.
        .setAccepted(original.getAccepted())
        .setRejected(0)
        .setErrors(List.of())
        .setReceivedAt(now)
        .setCompletedAt(now)
        .build();
    LedgerEntry entry = LedgerEntry.newBuilder(ReceiptLedger.entryOf(receipt, ReceiptLedger.WITHDRAWAL))
        .setActedBy(by.staffMember()).build();
    Future<RecordMetadata> written;
    try (EventTransaction tx = publisher.begin(false)) {
      long line = 1;
      for (StoredObservation key : keys) {
        IndicatorObservation withdrawal = IndicatorObservation.newBuilder()
            .setProgramme(key.programme()).setIndicator(key.indicator()).setWijk(key.wijk()).setPeriod(key.period())
            .setValue(0).setNote(null).setWithheld(false).setPartner(key.partner()).setSubmissionId(id)
            .setLine(line++).setRevision(now.toEpochMilli()).setReceivedAt(now)
            .setWithdraws(original.getSubmissionId()).build();
        tx.send(Topics.INDICATORS, Topics.keyOf(withdrawal), withdrawal);
      }
      tx.send(Topics.RECEIPTS, id, receipt);
      written = tx.send(Topics.LEDGER, id, entry);
      tx.commit();
    }
    ledger.record(receipt, entry, offsetOf(written));
    return receipt;
  }

  private static long offsetOf(Future<RecordMetadata> written) {
    try {
      return written.get().offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted after the commit of a withdrawal", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The ledger entry of a committed withdrawal has no offset", e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
