package nl.wijkhub.signals;

import java.time.Clock;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.privacy.Pseudonyms;
import nl.wijkhub.privacy.RecipientCipher;
import nl.wijkhub.publish.CovenantTopics;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.reference.ReferenceData;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

@Configuration(proxyBeanMethods = false)
class SignalsConfiguration {

  /** After the receipt ledger, whose start-up makes every topic of the catalogue, this one included. */
  @Bean(destroyMethod = "close")
  @DependsOn("receiptLedger")
  SignalRegister signalRegister(KafkaSettings kafka) {
    SignalRegister register = new SignalRegister(() -> new KafkaConsumer<>(kafka.consumerProperties()),
        kafka.ledgerLookupWait());
    register.catchUp();
    return register;
  }

  @Bean
  SignalsKind signalsKind(ReferenceData reference, Covenants covenants, CovenantTopics topics,
      Pseudonyms pseudonyms, RecipientCipher cipher, ProcessingLog log, Clock clock, SignalRegister register) {
    return new SignalsKind(reference, new SignalValidator(reference, clock),
        new SignalRouter(covenants, topics, pseudonyms, cipher, log, clock), register);
  }
}
