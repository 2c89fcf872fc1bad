package nl.wijkhub.normalise;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.publish.SubmissionPublisher;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NormaliseConfiguration {

  @Bean
  Admission admission(NormaliseSettings settings) {
    return new Admission(settings);
  }

  @Bean
  CountIngestor countIngestor(ReferenceData reference, Admission admission, SubmissionPublisher publisher,
      ReceiptLedger ledger, Clock clock, MeterRegistry meters, NormaliseSettings settings) {
    return new CountIngestor(reference, admission, publisher, ledger, clock, meters, settings.maxWait());
  }
}
