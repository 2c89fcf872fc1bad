package nl.wijkhub.privacy;

/**
 * A key cannot be used: destroyed (crypto-shredded), never created, or unreadable with the master key. Messages name
 * the key (covenant, period or recipient), never data.
 */
public class KeyUnavailable extends RuntimeException {

  public KeyUnavailable(String message) {
    super(message);
  }

  public KeyUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
