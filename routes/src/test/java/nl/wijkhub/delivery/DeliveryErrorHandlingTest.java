package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DeliveryErrorHandlingTest {

  private static final RetrySettings RETRY = new RetrySettings(Duration.ofMillis(20), 2, Duration.ofMillis(80));
  private static final Pattern STEP = Pattern.compile("failure (\\d+), trying again in (\\d+) ms");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TransientRetries retries = new TransientRetries(RETRY, meters, Clock.systemUTC());

  @Test
  void aFailureIsLoggedByItsClassNeverByAMessageThatMayQuoteTheDelivery(CapturedOutput output) {
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException(
        "Unrecognized token 'Jansen' near 111222333 for j.de.vries@gemeente.example"));

    DeliveryErrorHandling.logFailure(exchange);

    assertThat(output.getAll()).contains("Delivery not ingested, will retry: IllegalStateException")
        .doesNotContain("Jansen", "111222333", "j.de.vries");
  }

  @Test
  void aTransientFailureIsTriedAgainAfterWaitsThatDoubleUpToTheBound(CapturedOutput output) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Long> callTimes = new ArrayList<>();
    try (CamelContext camel = channelCallingThePipeline(() -> {
      callTimes.add(System.nanoTime());
      if (calls.incrementAndGet() <= 6) {
        throw new DeliveryNotPublished(new TimeoutException("Kafka at 10.0.0.1 holds 'Jansen'"));
      }
      return "receipt";
    })) {
      ProducerTemplate channel = camel.createProducerTemplate();

      assertThat(channel.requestBody("direct:channel", "delivery", String.class)).isEqualTo("receipt");
    }

    assertThat(calls).hasValue(7);
    List<Long> logged = new ArrayList<>();
    Matcher step = STEP.matcher(output.getAll());
    while (step.find()) {
      logged.add(Long.parseLong(step.group(2)));
    }
    assertThat(logged).containsExactly(20L, 40L, 80L, 80L, 80L, 80L);
    for (int i = 1; i < callTimes.size(); i++) {
      assertThat(Duration.ofNanos(callTimes.get(i) - callTimes.get(i - 1))).as("gap %d", i)
          .isGreaterThanOrEqualTo(Duration.ofMillis(logged.get(i - 1)));
    }
    assertThat(output.getAll()).doesNotContain("Jansen", "10.0.0.1", "\tat ");
    assertThat(meters.counter(TransientRetries.COUNTER, "channel", "channel", "reason", "DeliveryNotPublished")
        .count()).isEqualTo(6);
    assertThat(retries.waiting()).isZero();
  }

  @Test
  void anotherFailureIsNotTriedAgainByCamelButLeftToTheNextPoll(CapturedOutput output) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (CamelContext camel = channelCallingThePipeline(() -> {
      calls.incrementAndGet();
      throw new IllegalStateException("a reader bug");
    })) {
      ProducerTemplate channel = camel.createProducerTemplate();

      assertThatThrownBy(() -> channel.requestBody("direct:channel", "delivery"))
          .isInstanceOf(CamelExecutionException.class).hasRootCauseInstanceOf(IllegalStateException.class);
    }

    assertThat(calls).hasValue(1);
    assertThat(output.getAll()).contains("Delivery not ingested, will retry: IllegalStateException")
        .doesNotContain("trying again in");
    assertThat(meters.find(TransientRetries.COUNTER).counter()).isNull();
  }

  /** A channel route with the delivery error handling, calling the shared delivery route as the channels do. */
  private CamelContext channelCallingThePipeline(java.util.function.Supplier<String> pipeline) throws Exception {
    CamelContext camel = new DefaultCamelContext();
    camel.addRoutes(new DeliveryErrorHandling(RETRY, retries));
    camel.addRoutes(new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:channel").routeId("channel").routeConfigurationId(DeliveryErrorHandling.ID)
            .to(DeliveryRoute.ENDPOINT);
        from(DeliveryRoute.ENDPOINT).routeId("deliveries").errorHandler(noErrorHandler())
            .process(exchange -> exchange.getMessage().setBody(pipeline.get()));
      }
    });
    camel.start();
    return camel;
  }
}
