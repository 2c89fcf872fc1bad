package nl.wijkhub.publish;

import java.util.List;
import nl.wijkhub.events.IndicatorObservation;
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
   * Records of {@link #INDICATORS} the monitoring store could not store: the original key and value bytes as they
   * were on that topic, with the reason and the source partition and offset in headers ({@code DeadLetters}). One
   * partition keeps them in the order they failed; kept until an operator has replayed them, and after.
   */
  public static final Topic<byte[]> INDICATOR_DEAD_LETTERS =
      new Topic<>("wijkhub.indicators.dlq.v1", byte[].class, 1, true);

  private Topics() {}

  public static List<Topic<?>> all() {
    return List.of(INDICATORS, REJECTIONS, RECEIPTS, INDICATOR_DEAD_LETTERS);
  }

  public static String keyOf(IndicatorObservation o) {
    return o.getProgramme() + '|' + o.getIndicator() + '|' + o.getWijk() + '|' + o.getPeriod();
  }
}
