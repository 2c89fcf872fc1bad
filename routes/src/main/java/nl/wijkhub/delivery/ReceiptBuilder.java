package nl.wijkhub.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.events.ReceiptError;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.RowReference;
import nl.wijkhub.events.SubmissionReceipt;

/** Counts a delivery's outcome while it streams and builds its receipt; keeps at most {@link #MAX_ERRORS} errors. */
public final class ReceiptBuilder implements ReceiptNotes {

  static final int MAX_ERRORS = 1000;
  /** A receipt stays small enough for one Kafka record: a larger signal file is split, see docs/aanleveren.md. */
  static final int MAX_REFERENCES = 10_000;

  private final Delivery delivery;
  private final List<ReceiptError> errors = new ArrayList<>();
  private final List<RowReference> references = new ArrayList<>();
  private long accepted;
  private long rejected;
  private long errorsOmitted;

  public ReceiptBuilder(Delivery delivery) {
    this.delivery = delivery;
  }

  public void accepted() {
    accepted++;
  }

  public void rejected(List<Problem> problems) {
    rejected++;
    problems.forEach(this::error);
  }

  public void error(Problem problem) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(new ReceiptError(problem.line(), problem.field(), problem.code(), problem.message()));
    } else {
      errorsOmitted++;
    }
  }

  @Override
  public void reference(long line, String id) {
    if (references.size() < MAX_REFERENCES) {
      references.add(new RowReference(line, id));
    }
  }

  public SubmissionReceipt build(Instant completedAt) {
    ReceiptStatus status = accepted == 0 ? ReceiptStatus.REJECTED
        : rejected == 0 && errors.isEmpty() ? ReceiptStatus.ACCEPTED : ReceiptStatus.PARTIALLY_ACCEPTED;
    return base(completedAt).setStatus(status).setAccepted(accepted).setRejected(rejected).setErrors(errors)
        .setErrorsOmitted(errorsOmitted).setReferences(references).build();
  }

  /** The receipt for content equal to the partner's current delivery: nothing taken, pointing at that delivery. */
  SubmissionReceipt duplicateOf(String currentSubmissionId, Instant completedAt) {
    return base(completedAt).setStatus(ReceiptStatus.DUPLICATE).setAccepted(0).setRejected(0)
        .setErrors(List.of()).setDuplicateOf(currentSubmissionId).build();
  }

  private SubmissionReceipt.Builder base(Instant completedAt) {
    return SubmissionReceipt.newBuilder()
        .setSubmissionId(delivery.submissionId())
        .setPartner(delivery.partnerId())
        .setChannel(delivery.channel())
        .setSourceName(delivery.sourceName())
        .setSha256(delivery.sha256())
        .setReceivedAt(delivery.receivedAt())
        .setCompletedAt(completedAt)
        .setDuplicateOf(null)
        .setErrorsOmitted(0)
        .setDryRun(delivery.dryRun())
        .setIdempotencyKey(delivery.idempotencyKey());
  }
}
