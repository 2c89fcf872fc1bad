package nl.wijkhub.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import nl.wijkhub.HubSettings;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.SubmissionPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

  /**
   * Empties the spool before any channel starts: a hub killed mid-delivery leaves copies there (an upload, an
   * attachment, a signals file with BSNs), whose originals are still with the sender, in the inbox or unanswered.
   */
  @Bean
  Admission admission(DeliverySettings settings, HubSettings hub) throws IOException {
    FileSystemUtils.deleteRecursively(hub.spoolDir());
    return new Admission(settings);
  }

  @Bean
  DeliveryPipeline deliveryPipeline(List<DeliveryKind> kinds, Admission admission, SubmissionPublisher publisher,
      ReceiptLedger ledger, Clock clock, MeterRegistry meters, DeliverySettings settings) {
    return new DeliveryPipeline(kinds, admission, publisher, ledger, clock, meters, settings.maxWait(),
        new FailedAttempts(settings.maxFailedAttempts()));
  }

  @Bean
  TransientRetries transientRetries(RetrySettings settings, MeterRegistry meters, Clock clock) {
    return new TransientRetries(settings, meters, clock);
  }

  /** Health component {@code deliveryRetries}. */
  @Bean
  TransientRetryHealthIndicator deliveryRetriesHealthIndicator(TransientRetries retries) {
    return new TransientRetryHealthIndicator(retries);
  }
}
