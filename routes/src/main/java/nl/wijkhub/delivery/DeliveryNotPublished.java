package nl.wijkhub.delivery;

/**
 * The delivery could not be published (Kafka or the schema registry unreachable, or the hub too busy to take it in
 * time): nothing of it is visible and it has no receipt yet. The channel keeps the delivery, or tells the sender to try again later.
 */
public class DeliveryNotPublished extends RuntimeException {

  DeliveryNotPublished(Throwable cause) {
    super("Delivery not published: " + cause.getMessage(), cause);
  }

  DeliveryNotPublished(String reason) {
    super("Delivery not published: " + reason);
  }
}
