package nl.wijkhub.delivery;

/** A delivery streamed in grew past the limit while it was spooled; what was read of it is discarded. */
public class DeliveryTooLarge extends RuntimeException {

  private final long limitBytes;

  DeliveryTooLarge(long limitBytes) {
    super("Delivery larger than " + limitBytes + " bytes", null, false, false);
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
