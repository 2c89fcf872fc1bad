package nl.wijkhub.normalise;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The endpoint every channel sends its {@link Delivery} to; the body that comes back is the committed
 * {@link nl.wijkhub.events.SubmissionReceipt}.
 */
@Component
public class NormaliseCountsRoute extends RouteBuilder {

  public static final String ENDPOINT = "direct:normalise-counts";

  private final CountIngestor ingestor;

  public NormaliseCountsRoute(CountIngestor ingestor) {
    this.ingestor = ingestor;
  }

  @Override
  public void configure() {
    from(ENDPOINT).routeId("normalise-counts")
        .bean(ingestor, "ingest");
  }
}
