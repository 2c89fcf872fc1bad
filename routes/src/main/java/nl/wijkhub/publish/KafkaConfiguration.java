package nl.wijkhub.publish;

import java.util.Map;
import nl.wijkhub.events.SubmissionReceipt;
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

  /** Creates missing topics first, then reads what was already ingested. */
  @Bean
  ReceiptLedger receiptLedger(KafkaSettings settings) {
    TopicProvisioner.ensureTopics(Map.of("bootstrap.servers", settings.bootstrapServers()),
        settings.replicationFactor());
    ReceiptLedger ledger = new ReceiptLedger();
    try (KafkaConsumer<String, SubmissionReceipt> consumer = new KafkaConsumer<>(settings.consumerProperties())) {
      ledger.load(consumer);
    }
    return ledger;
  }
}
