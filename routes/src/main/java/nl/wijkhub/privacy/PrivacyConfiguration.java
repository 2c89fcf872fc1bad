package nl.wijkhub.privacy;

import com.google.crypto.tink.Aead;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.SubmissionPublisher;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The key material stays inside this package; the beans are the operations others may call. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

  /**
   * Read at start-up, so a missing or wrong master key stops the hub before it accepts a signal; under the prod
   * profile also one that nobody provisioned.
   */
  @Bean
  KeyFiles keyFiles(PrivacySettings settings, Environment environment) {
    Aead master = MasterKey.load(settings, environment.acceptsProfiles(Profiles.of("prod")));
    return new KeyFiles(settings.keyDirectory(), master);
  }

  @Bean
  DataKeys dataKeys(KeyFiles keys) {
    return new DataKeys(keys, Clock.systemUTC());
  }

  @Bean
  RecipientKeys recipientKeys(KeyFiles keys) {
    return new RecipientKeys(keys);
  }

  @Bean
  Pseudonyms pseudonyms(KeyFiles keys) {
    return new Pseudonyms(keys, Clock.systemUTC());
  }

  @Bean
  RecipientCipher recipientCipher(DataKeys dataKeys, RecipientKeys recipientKeys) {
    return new RecipientCipher(dataKeys, recipientKeys);
  }

  @Bean
  RecipientDecryption recipientDecryption(DataKeys dataKeys, RecipientKeys recipientKeys) {
    return new RecipientDecryption(dataKeys, recipientKeys);
  }

  /** Its own transactional id, so a view's log write never waits for, nor fences, a delivery's transaction. */
  @Bean(destroyMethod = "close")
  ProcessingLog processingLog(KafkaSettings kafka) {
    Map<String, Object> producer = kafka.producerProperties();
    producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.transactionalId() + "-processing-log");
    SubmissionPublisher publisher = new SubmissionPublisher(() -> new KafkaProducer<>(producer));
    publisher.initialise();
    return new ProcessingLog(publisher);
  }

  @Bean
  ProcessingLogStore processingLogStore(DataSource dataSource) {
    return new ProcessingLogStore(dataSource);
  }

  @Bean
  KeyBackup keyBackup(KeyFiles keys) {
    return new KeyBackup(keys, Clock.systemUTC());
  }
}
