package nl.wijkhub.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The endpoint every channel sends its {@link Delivery} to, whatever its kind; the body that comes back is the
 * committed {@link nl.wijkhub.events.SubmissionReceipt}.
 */
@Component
public class DeliveryRoute extends RouteBuilder {

  public static final String ENDPOINT = "direct:deliveries";

  private final DeliveryPipeline ingestor;

  public DeliveryRoute(DeliveryPipeline ingestor) {
    this.ingestor = ingestor;
  }

  @Override
  public void configure() {
    // No error handler of its own: a failure goes back to the caller as it is, so that a polling channel's error
    // handling (DeliveryErrorHandling) can still retry a transient one, and the API answers it itself.
    from(ENDPOINT).routeId("deliveries")
        .errorHandler(noErrorHandler())
        .bean(ingestor, "ingest");
  }
}
