package nl.wijkhub.signals;

import java.time.Clock;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.privacy.Pseudonyms;
import nl.wijkhub.privacy.RecipientCipher;
import nl.wijkhub.publish.CovenantTopics;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SignalsConfiguration {

  @Bean
  SignalsKind signalsKind(ReferenceData reference, Covenants covenants, CovenantTopics topics,
      Pseudonyms pseudonyms, RecipientCipher cipher, ProcessingLog log, Clock clock) {
    return new SignalsKind(reference, new SignalValidator(reference, clock),
        new SignalRouter(covenants, topics, pseudonyms, cipher, log, clock));
  }
}
