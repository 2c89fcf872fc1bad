package nl.wijkhub.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Error handling for the polling delivery channels, declared once. A delivery that fails for a transient reason
 * (Kafka, the registry or the store unreachable, a timeout: {@link FailedAttempts#isTransient}) is tried again where
 * it failed, after a wait that grows exponentially up to a bound ({@link RetrySettings}), until it goes through; each
 * wait is one log line and a count ({@link TransientRetries}), and none counts as an attempt towards giving the
 * delivery up. The poller waits with it: while Kafka is away no other delivery would go through either. Camel does
 * not retry while the hub stops; the exchange then fails.
 *
 * <p>Any other failure is logged without the delivery's content and the exchange stays failed, so the consumer rolls
 * back: the file stays in the inbox or on the partner's server, the e-mail stays unhandled, and the next poll tries
 * again (the pipeline gives such a delivery up after a bounded number of attempts). Nothing is moved or acknowledged
 * on failure, so nothing is lost.
 */
@Component
public class DeliveryErrorHandling extends RouteConfigurationBuilder {

  public static final String ID = "deliveries";
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryErrorHandling.class);

  private final RetrySettings retry;
  private final TransientRetries retries;

  public DeliveryErrorHandling(RetrySettings retry, TransientRetries retries) {
    this.retry = retry;
    this.retries = retries;
  }

  @Override
  public void configuration() {
    RouteConfigurationDefinition channels = routeConfiguration(ID);
    OnExceptionDefinition transientFailure = channels.onException(Exception.class)
        .onWhen(exchange -> FailedAttempts.isTransient(exchange.getException()))
        .maximumRedeliveries(-1)
        .redeliveryDelay(retry.initialDelay().toMillis())
        .useExponentialBackOff()
        .backOffMultiplier(retry.multiplier())
        .maximumRedeliveryDelay(retry.maxDelay().toMillis())
        // TransientRetries logs each step in one line without a stack trace.
        .logRetryAttempted(false)
        .logExhausted(false)
        .onExceptionOccurred(retries::failed);
    transientFailure.getRedeliveryPolicyType().allowRedeliveryWhileStopping(false);
    transientFailure.handled(false).process(DeliveryErrorHandling::logFailure);
    channels.onException(Exception.class)
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
