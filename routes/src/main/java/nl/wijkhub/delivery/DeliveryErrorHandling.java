package nl.wijkhub.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Error handling for delivery channels, declared once: a delivery that fails (Kafka or the registry unreachable,
 * the disk full) is logged without its content and the exchange stays failed, so the consumer rolls back: the file
 * stays in the inbox or on the partner's server, the e-mail stays unhandled, and the next poll tries again. Nothing
 * is moved or acknowledged on failure, so nothing is lost.
 */
@Component
public class DeliveryErrorHandling extends RouteConfigurationBuilder {

  public static final String ID = "deliveries";
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryErrorHandling.class);

  @Override
  public void configuration() {
    routeConfiguration(ID)
        .onException(Exception.class)
        .handled(false)
        // Our own line below says what failed; Camel's exhausted log would dump the exchange.
        .logExhausted(false)
        .process(DeliveryErrorHandling::logFailure);
  }

  static void logFailure(Exchange exchange) {
    Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    // The class only: a library's message may quote the delivery's content or an e-mail address.
    LOG.error("Delivery not ingested, will retry: {}", failure == null ? "?" : failure.getClass().getSimpleName());
    MDC.clear();
  }

}
