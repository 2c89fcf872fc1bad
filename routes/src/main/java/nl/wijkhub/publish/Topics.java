package nl.wijkhub.publish;

import java.time.Duration;
import java.util.List;
import nl.wijkhub.events.AccessRecord;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.LedgerEntry;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.Rejection;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.SignalRegistration;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.Topic.Lifetime;

/** The topic catalogue. Keys are strings; values Avro in the Confluent wire format unless said otherwise. */
public final class Topics {

  /**
   * Counts, key programme|indicator|wijk|period so that all revisions of a key share a partition. Kept forever:
   * the monitoring store is rebuilt from it.
   */
  public static final Topic<IndicatorObservation> INDICATORS =
      new Topic<>("wijkhub.indicators.v1", IndicatorObservation.class, 6, Lifetime.FOREVER);

  /** Rejected records, key submissionId; they quote the partner's text, so they are kept for a bounded time. */
  public static final Topic<Rejection> REJECTIONS =
      new Topic<>("wijkhub.rejections.v1", Rejection.class, 3, Lifetime.EXCERPTS);

  /** Receipts, key submissionId; their messages quote the partner's text, so they are kept for a bounded time. */
  public static final Topic<SubmissionReceipt> RECEIPTS =
      new Topic<>("wijkhub.receipts.v1", SubmissionReceipt.class, 3, Lifetime.EXCERPTS);

  /**
   * The ledger of what was ingested, one entry per committed delivery, key submissionId, written in the delivery's
   * transaction. One partition, so that every hub replays the entries in commit order: the partner's current delivery
   * is simply the last one that qualifies. Compacted with a key per delivery, so nothing is lost to time (duplicates
   * must be found for as long as the hub runs; an entry is about 200 bytes and holds nothing the partner wrote), and
   * a tombstone removes one delivery's entry should that ever be needed.
   */
  public static final Topic<LedgerEntry> LEDGER = new Topic<>("wijkhub.ledger.v1", LedgerEntry.class, 1,
      Lifetime.COMPACTED);

  /**
   * The processing log (verwerkingenlog), key traceId; kept forever on Kafka: only the retention job removes
   * records, from the materialised log in PostgreSQL. Holds pseudonyms, never a BSN.
   */
  public static final Topic<ProcessingRecord> PROCESSING_LOG =
      new Topic<>("wijkhub.processing-log.v1", ProcessingRecord.class, 3, Lifetime.FOREVER);

  /** Who acted in a processing step (the person), key traceId; linked to the processing log by spanId. */
  public static final Topic<AccessRecord> ACCESS_LOG =
      new Topic<>("wijkhub.access-log.v1", AccessRecord.class, 3, Lifetime.FOREVER);

  /**
   * The register of signals, key signalId, written in the transaction that routes the signal: who delivered it, under
   * which covenant, and whether it was withdrawn, so that only its supplier may correct or withdraw it. Compacted (the
   * latest state per signal); holds no personal data.
   */
  public static final Topic<SignalRegistration> SIGNAL_REGISTER =
      new Topic<>("wijkhub.signal-register.v1", SignalRegistration.class, 3, Lifetime.COMPACTED);

  /**
   * Records of {@link #INDICATORS} the monitoring store could not store: the original key and value bytes as they
   * were on that topic, with the reason and the source partition and offset in headers ({@code DeadLetters}). One
   * partition keeps them in the order they failed; kept until an operator has replayed them, and after.
   */
  public static final Topic<byte[]> INDICATOR_DEAD_LETTERS =
      new Topic<>("wijkhub.indicators.dlq.v1", byte[].class, 1, Lifetime.FOREVER);

  /**
   * Records the matcher could not read or open (another hub's keys, a shredded period, bytes that are no routed
   * signal), key {@code <topic>-<partition>@<offset>}: where the record is and a reason code, never its content.
   * One partition, kept until an operator has looked; see multiteam/MatchDeadLetters.
   */
  public static final Topic<String> MATCH_DEAD_LETTERS =
      new Topic<>("wijkhub.matches.dlq.v1", String.class, 1, Lifetime.FOREVER);

  /**
   * Routed signals for one covenant's recipients, key pseudonym, so that all signals about one person under one
   * covenant share a partition. Deleted after the covenant's retention (set when the topic is made).
   */
  public static Topic<RoutedSignal> multiteam(String covenantId, Duration retention) {
    return new Topic<>("wijkhub.multiteam." + covenantId + ".v1", RoutedSignal.class, 3, Lifetime.RETAINED,
        retention);
  }

  /** {@link #multiteam(String, Duration)} for reading and writing, where the retention plays no part. */
  public static Topic<RoutedSignal> multiteam(String covenantId) {
    return multiteam(covenantId, null);
  }

  /**
   * Matches for one covenant's recipients, key {@code <recipient>|<pseudonym>}, compacted: the latest record is the
   * state of that person's match for that recipient. Kept like its input topic {@link #multiteam}, with the
   * covenant's retention; both partitioned alike, as the matcher keeps all of a person on one partition.
   */
  public static Topic<Match> matches(String covenantId, Duration retention) {
    return new Topic<>("wijkhub.multiteam." + covenantId + ".matches.v1", Match.class, 3,
        Lifetime.RETAINED_COMPACTED, retention);
  }

  /** {@link #matches(String, Duration)} for reading and writing. */
  public static Topic<Match> matches(String covenantId) {
    return matches(covenantId, null);
  }

  private Topics() {}

  public static List<Topic<?>> all() {
    return List.of(INDICATORS, REJECTIONS, RECEIPTS, LEDGER, PROCESSING_LOG, ACCESS_LOG, INDICATOR_DEAD_LETTERS,
        SIGNAL_REGISTER);
  }

  public static String keyOf(IndicatorObservation o) {
    return o.getProgramme() + '|' + o.getIndicator() + '|' + o.getWijk() + '|' + o.getPeriod();
  }
}
