package nl.wijkhub.publish;

import java.util.List;
import nl.wijkhub.events.AccessRecord;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.Rejection;
import nl.wijkhub.events.SubmissionReceipt;

/** The topic catalogue. Keys are strings; values Avro in the Confluent wire format unless said otherwise. */
public final class Topics {

  /**
   * Counts, key programme|indicator|wijk|period so that all revisions of a key share a partition. Kept forever:
   * the monitoring store is rebuilt from it.
   */
  public static final Topic<IndicatorObservation> INDICATORS =
      new Topic<>("wijkhub.indicators.v1", IndicatorObservation.class, 6, true);

  /** Rejected records, key submissionId. */
  public static final Topic<Rejection> REJECTIONS = new Topic<>("wijkhub.rejections.v1", Rejection.class, 3, false);

  /** Receipts, key submissionId; kept forever, as they are the ledger of what was ingested. */
  public static final Topic<SubmissionReceipt> RECEIPTS =
      new Topic<>("wijkhub.receipts.v1", SubmissionReceipt.class, 3, true);

  /**
   * The processing log (verwerkingenlog), key traceId; kept forever on Kafka: only the retention job removes
   * records, from the materialised log in PostgreSQL. Holds pseudonyms, never a BSN.
   */
  public static final Topic<ProcessingRecord> PROCESSING_LOG =
      new Topic<>("wijkhub.processing-log.v1", ProcessingRecord.class, 3, true);

  /** Who acted in a processing step (the person), key traceId; linked to the processing log by spanId. */
  public static final Topic<AccessRecord> ACCESS_LOG =
      new Topic<>("wijkhub.access-log.v1", AccessRecord.class, 3, true);

  /**
   * Records of {@link #INDICATORS} the monitoring store could not store: the original key and value bytes as they
   * were on that topic, with the reason and the source partition and offset in headers ({@code DeadLetters}). One
   * partition keeps them in the order they failed; kept until an operator has replayed them, and after.
   */
  public static final Topic<byte[]> INDICATOR_DEAD_LETTERS =
      new Topic<>("wijkhub.indicators.dlq.v1", byte[].class, 1, true);

  private Topics() {}

  public static List<Topic<?>> all() {
    return List.of(INDICATORS, REJECTIONS, RECEIPTS, PROCESSING_LOG, ACCESS_LOG, INDICATOR_DEAD_LETTERS);
  }

  public static String keyOf(IndicatorObservation o) {
    return o.getProgramme() + '|' + o.getIndicator() + '|' + o.getWijk() + '|' + o.getPeriod();
  }
}
