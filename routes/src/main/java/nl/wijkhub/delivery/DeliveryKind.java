package nl.wijkhub.delivery;

import java.util.List;
import java.util.Set;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;

/**
 * What makes counts counts and signals signals: the columns, who may deliver what, how a row is validated and which
 * events it becomes. Everything else (admission, reading, turn-taking, idempotency, duplicates, one transaction per
 * delivery, the receipt and its ledger) is the {@link DeliveryPipeline}'s, the same for every kind.
 */
public interface DeliveryKind {

  /** Which deliveries this kind takes. */
  Delivery.Kind kind();

  /** The columns partners write. */
  Layout layout();

  /**
   * When the same content comes again: counts re-sent to undo a later delivery are the newest revision, so only a
   * repeat of the current delivery is a duplicate; a signal must reach the recipient once, so any content already
   * taken is a duplicate.
   */
  default boolean everyContentOnce() {
    return false;
  }


  /**
   * Starts the per-row part of one delivery; rows arrive in file order, blank rows are skipped before. Events go into
   * {@code tx}; what the partner must learn of an accepted row (a signal's id) goes into {@code receipt}.
   */
  RowHandler begin(Delivery delivery, EventTransaction tx, ReceiptNotes receipt);

  /** Validates one delivery's rows and sends each valid row's events into the delivery's transaction. */
  @FunctionalInterface
  interface RowHandler {
    /**
     * Takes one row: sends its events and returns true, or adds what is wrong to {@code problems} and returns false.
     */
    boolean accept(RawRow row, List<Problem> problems);

    /**
     * After the last row: what the rows were checked against that another delivery may change meanwhile (for
     * signals, each signal a correction or withdrawal refers to). The pipeline checks a delivery that names any of
     * these again in its turn, and never in one group with another delivery that names one of them too.
     */
    default Set<String> checkedAgainst() {
      return Set.of();
    }

    /** The delivery's transaction is committed (never called for a trial, nor for a commit settled later). */
    default void committed() {
      // Most kinds keep nothing about a delivery beyond its transaction.
    }
  }
}
