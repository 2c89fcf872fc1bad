package nl.wijkhub.publish;

/**
 * Kafka or the schema registry did not take a delivery's events (unreachable, timed out, fenced). Nothing of the
 * transaction is visible; the delivery can be tried again as a whole.
 */
public class PublishFailed extends RuntimeException {

  PublishFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
