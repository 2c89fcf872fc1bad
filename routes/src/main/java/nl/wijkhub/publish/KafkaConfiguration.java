package nl.wijkhub.publish;

import java.util.Map;
import nl.wijkhub.covenant.Covenants;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

  @Bean(destroyMethod = "close")
  SubmissionPublisher submissionPublisher(KafkaSettings settings, ReceiptLedger ledger) {
    SubmissionPublisher publisher = new SubmissionPublisher(() -> new KafkaProducer<>(settings.producerProperties()));
    publisher.initialise();
    return publisher;
  }

  /** Creates missing topics and sets their retention first, then reads what was already ingested and follows it. */
  @Bean(destroyMethod = "close")
  ReceiptLedger receiptLedger(KafkaSettings settings) {
    TopicProvisioner.ensureTopics(Map.of("bootstrap.servers", settings.bootstrapServers()),
        settings.replicationFactor(), settings.excerptRetention());
    ReceiptLedger ledger = new ReceiptLedger(() -> new KafkaConsumer<>(settings.consumerProperties()),
        settings.ledgerLookupWait());
    ledger.start();
    return ledger;
  }

  /** The covenants' topics exist, with their retention, before the first signal is taken or matched. */
  @Bean
  CovenantTopics covenantTopics(Covenants covenants, KafkaSettings settings) {
    CovenantTopics topics = new CovenantTopics(covenants);
    TopicProvisioner.ensure(Map.of("bootstrap.servers", settings.bootstrapServers()), settings.replicationFactor(),
        settings.excerptRetention(), topics.all());
    return topics;
  }
}
