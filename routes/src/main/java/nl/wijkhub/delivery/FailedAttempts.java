package nl.wijkhub.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import nl.wijkhub.events.ReceiptError;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.PublishFailed;
import org.apache.kafka.common.KafkaException;

/**
 * Tells a transient failure of a delivery (Kafka, the registry or the store unreachable, a timeout) from one that
 * will fail the same way on every attempt, and counts the latter per delivery (partner and content), so that the
 * pipeline gives such a delivery up after a bounded number of attempts with a receipt instead of letting a channel
 * retry it forever. Counts live in memory: a restart grants a delivery its attempts again, still a bounded number.
 */
public final class FailedAttempts {

  /** The code of the receipt of a delivery given up; channels move such a delivery as they move a refused one. */
  public static final String GIVEN_UP = "VERWERKING_MISLUKT";

  private final int maxAttempts;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  public FailedAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** Failures that another attempt may well not meet. */
  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DeliveryNotPublished || t instanceof PublishFailed || t instanceof KafkaException
          || t instanceof TimeoutException || t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }

  /** Counts a non-transient failure; true when the delivery has now had all its attempts. */
  boolean exhausted(Delivery delivery) {
    int count = failures.merge(key(delivery), 1, Integer::sum);
    if (count >= maxAttempts) {
      failures.remove(key(delivery));
      return true;
    }
    return false;
  }

  /** The delivery ended (received its receipt): earlier failures no longer count. */
  void ended(Delivery delivery) {
    failures.remove(key(delivery));
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /** The problem on the receipt of a delivery given up; it names neither the failure nor any content. */
  Problem problem() {
    return Problem.ofFile(GIVEN_UP, "De hub kon deze aanlevering na " + maxAttempts + " pogingen niet verwerken,"
        + " door een fout die niet aan een regel van het bestand ligt. Er is niets van verwerkt. Het beheer van de"
        + " hub is gewaarschuwd; neem contact op met het programmabureau en noem het nummer van deze aanlevering.");
  }

  /** True for the receipt of a delivery the hub gave up on. */
  public static boolean givenUp(SubmissionReceipt receipt) {
    return receipt.getErrors().stream().map(ReceiptError::getCode).anyMatch(GIVEN_UP::equals);
  }

  private static String key(Delivery delivery) {
    return delivery.partnerId() + '\n' + delivery.sha256();
  }
}
