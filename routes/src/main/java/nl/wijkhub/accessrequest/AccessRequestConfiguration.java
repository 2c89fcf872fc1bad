package nl.wijkhub.accessrequest;

import java.time.Clock;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.privacy.ProcessingLogStore;
import nl.wijkhub.privacy.Pseudonyms;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessRequestConfiguration {

  /** Built at start-up, so a municipality whose access requests could not be logged stops the hub. */
  @Bean
  OfficerScope officerScope(Covenants covenants, ReferenceData reference) {
    return new OfficerScope(covenants, reference);
  }

  @Bean
  AccessRequests accessRequests(OfficerScope scope, Covenants covenants, Pseudonyms pseudonyms,
      ProcessingLogStore store, ProcessingLog log, ReferenceData reference, Clock clock) {
    return new AccessRequests(scope, covenants, pseudonyms, store, log, reference, clock);
  }

  @Bean
  ProcessingRegister processingRegister(OfficerScope scope, Covenants covenants, ReferenceData reference) {
    return new ProcessingRegister(scope, covenants, reference);
  }
}
