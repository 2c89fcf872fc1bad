package nl.wijkhub.privacy;

import nl.wijkhub.events.AccessRecord;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.publish.SubmissionPublisher;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.publish.Topics;

/**
 * Writes the processing log. Two paths, as the standard demands that every write be confirmed:
 * <ul>
 *   <li>{@link #record(EventTransaction, ProcessingRecord)} for a step that is itself a Kafka event (received,
 *       refused, routed, withdrawn): the record joins the step's transaction, so either both become visible to
 *       read_committed consumers or neither does;</li>
 *   <li>{@link #recordAndConfirm} for a step that is not (a view, an export): the record is committed in a
 *       transaction of its own and this method returns only once Kafka confirmed it, so the caller shows or
 *       returns data only after its log record is safe.</li>
 * </ul>
 */
public final class ProcessingLog implements AutoCloseable {

  private final SubmissionPublisher ownTransactions;

  /** {@code ownTransactions} must have a transactional id of its own, apart from the ingest producer's. */
  public ProcessingLog(SubmissionPublisher ownTransactions) {
    this.ownTransactions = ownTransactions;
  }

  public void record(EventTransaction step, ProcessingRecord record) {
    step.send(Topics.PROCESSING_LOG, record.getTraceId(), record);
  }

  /** As {@link #record(EventTransaction, ProcessingRecord)}, with the person who acted. */
  public void record(EventTransaction step, ProcessingRecord record, AccessRecord access) {
    record(step, record);
    step.send(Topics.ACCESS_LOG, access.getTraceId(), access);
  }

  /**
   * Logs a step that is not a Kafka event and returns once the log write is confirmed; throws
   * {@link nl.wijkhub.publish.PublishFailed} when it is not, and then the caller must not return the data.
   * {@code access} may be null when no person acted.
   */
  public void recordAndConfirm(ProcessingRecord record, AccessRecord access) {
    try (EventTransaction transaction = ownTransactions.begin(false)) {
      if (access == null) {
        record(transaction, record);
      } else {
        record(transaction, record, access);
      }
      transaction.commit();
    }
  }

  @Override
  public void close() {
    ownTransactions.close();
  }
}
