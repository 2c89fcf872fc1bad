package nl.wijkhub.publish;

import java.util.List;
import nl.wijkhub.events.AccessRecord;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.Rejection;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.SubmissionReceipt;

/** The topic catalogue. Keys are strings; values Avro in the Confluent wire format. */
public final class Topics {

  /** Counts, key programme|indicator|wijk|period so that all revisions of a key share a partition. */
  public static final Topic<IndicatorObservation> INDICATORS =
      new Topic<>("wijkhub.indicators.v1", IndicatorObservation.class, 6, false);

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
   * Routed signals for one covenant's recipients, key pseudonym, so that all signals about one person under one
   * covenant share a partition. Deleted after the covenant's retention (set when the topic is made).
   */
  public static Topic<RoutedSignal> multiteam(String covenantId) {
    return new Topic<>("wijkhub.multiteam." + covenantId + ".v1", RoutedSignal.class, 3, false);
  }

  /**
   * Matches for one covenant's recipients, key {@code <recipient>|<pseudonym>}, compacted: the latest record is the
   * state of that person's match for that recipient. Made by the matcher with the covenant's retention, as its input
   * topic {@link #multiteam} must be; both partitioned alike, as the matcher keeps all of a person on one partition.
   */
  public static Topic<Match> matches(String covenantId) {
    return new Topic<>("wijkhub.multiteam." + covenantId + ".matches.v1", Match.class, 3, false, true);
  }

  private Topics() {}

  public static List<Topic<?>> all() {
    return List.of(INDICATORS, REJECTIONS, RECEIPTS, PROCESSING_LOG, ACCESS_LOG);
  }

  public static String keyOf(IndicatorObservation o) {
    return o.getProgramme() + '|' + o.getIndicator() + '|' + o.getWijk() + '|' + o.getPeriod();
  }
}
