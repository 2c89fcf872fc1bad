package nl.wijkhub.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps account of deliveries waiting to be tried again after a transient failure: one log line per back-off step
 * (the failure's class and the wait, never a message that might quote the content), the counter
 * {@code wijkhub.deliveries.retries} (tags channel, reason), the gauge {@code wijkhub.deliveries.waiting}, and what
 * {@link TransientRetryHealthIndicator} shows.
 */
public class TransientRetries {

  static final String COUNTER = "wijkhub.deliveries.retries";
  static final String WAITING = "wijkhub.deliveries.waiting";
  private static final String COUNTED = "wijkhub.retry.waiting";
  private static final Logger LOG = LoggerFactory.getLogger(TransientRetries.class);

  /** The latest back-off step: which failure, how long the wait, when it was decided. */
  record Step(String channel, String reason, int failure, Duration delay, Instant at) {}

  private final RetrySettings settings;
  private final MeterRegistry meters;
  private final Clock clock;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicReference<Step> latest = new AtomicReference<>();

  public TransientRetries(RetrySettings settings, MeterRegistry meters, Clock clock) {
    this.settings = settings;
    this.meters = meters;
    this.clock = clock;
    Gauge.builder(WAITING, waiting, AtomicInteger::get)
        .description("Deliveries waiting to be tried again after Kafka, the registry or the store was unreachable")
        .register(meters);
  }

  /** Called by Camel when a delivery failed transiently, before it waits for the next try. */
  public void failed(Exchange exchange) {
    Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    String reason = failure == null ? "?" : failure.getClass().getSimpleName();
    String channel = exchange.getFromRouteId() == null ? "?" : exchange.getFromRouteId();
    // Camel has counted this failure already when it calls here: 1 for the first.
    int number = Math.max(1, exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
    Duration delay = settings.delayAfter(number);
    latest.set(new Step(channel, reason, number, delay, clock.instant()));
    meters.counter(COUNTER, "channel", channel, "reason", reason).increment();
    if (exchange.getProperty(COUNTED) == null) {
      exchange.setProperty(COUNTED, true);
      waiting.incrementAndGet();
      exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
        @Override
        public void onDone(Exchange done) {
          waiting.decrementAndGet();
        }
      });
    }
    LOG.warn("Delivery not ingested on {} ({}: Kafka, the registry or the store unreachable); failure {}, trying"
        + " again in {} ms", channel, reason, number, delay.toMillis());
  }

  int waiting() {
    return waiting.get();
  }

  Step latest() {
    return latest.get();
  }
}
