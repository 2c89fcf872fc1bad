package nl.wijkhub.delivery;

/** What a kind may add to the receipt of the delivery it handles rows for. */
@FunctionalInterface
public interface ReceiptNotes {

  /** The id the hub gave the accepted row on {@code line}, for the partner to refer to it later. */
  void reference(long line, String id);
}
