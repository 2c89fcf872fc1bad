package nl.wijkhub.delivery;

import nl.wijkhub.events.SubmissionReceipt;

/** A sender reused an Idempotency-Key for other content; the first delivery with that key stands. */
public class IdempotencyKeyReused extends RuntimeException {

  private final transient SubmissionReceipt original;

  IdempotencyKeyReused(SubmissionReceipt original) {
    super("Idempotency-Key reused for other content", null, false, false);
    this.original = original;
  }

  public SubmissionReceipt original() {
    return original;
  }
}
