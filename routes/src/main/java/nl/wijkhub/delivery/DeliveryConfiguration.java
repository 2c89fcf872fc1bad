package nl.wijkhub.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.SubmissionPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

  @Bean
  Admission admission(DeliverySettings settings) {
    return new Admission(settings);
  }

  @Bean
  DeliveryPipeline deliveryPipeline(List<DeliveryKind> kinds, Admission admission, SubmissionPublisher publisher,
      ReceiptLedger ledger, Clock clock, MeterRegistry meters, DeliverySettings settings) {
    return new DeliveryPipeline(kinds, admission, publisher, ledger, clock, meters, settings.maxWait(),
        new FailedAttempts(settings.maxFailedAttempts()));
  }
}
