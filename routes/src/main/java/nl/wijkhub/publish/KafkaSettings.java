package nl.wijkhub.publish;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub reaches Kafka and the schema registry.
 *
 * @param bootstrapServers Kafka brokers (env KAFKA_BOOTSTRAP_SERVERS)
 * @param registryUrl base URL of the schema registry (env SCHEMA_REGISTRY_URL), without API path
 * @param transactionalId id of the ingest producer; stable per hub instance, so a restarted hub fences and aborts
 *     the transaction a killed one left open
 * @param transactionTimeout longest a delivery may take to ingest; at most the broker's transaction.max.timeout.ms
 * @param replicationFactor replication of the topics the hub creates (1 on the embedded broker, 3 in production)
 * @param excerptRetention how long the receipts and rejections topics, which quote what partners wrote, keep a record
 *     (set on the topics at every start-up); the ledger keeps what duplicate checks need without quoting anything
 * @param ledgerLookupWait longest the hub waits for Kafka to settle a commit whose outcome it did not hear, and to
 *     read the ledger up to date, before it treats the delivery as not published
 * @param producer extra producer properties, serializer included: swapping the serde is configuration only
 * @param consumer extra consumer properties, deserializer included
 */
@Validated
@ConfigurationProperties("wijkhub.kafka")
public record KafkaSettings(
    @NotBlank String bootstrapServers,
    @NotBlank String registryUrl,
    @NotBlank String transactionalId,
    @NotNull Duration transactionTimeout,
    short replicationFactor,
    @NotNull Duration excerptRetention,
    @NotNull Duration ledgerLookupWait,
    Map<String, String> producer,
    Map<String, String> consumer) {

  public Map<String, Object> producerProperties() {
    Map<String, Object> props = new HashMap<>(producer == null ? Map.of() : producer);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout.toMillis());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return props;
  }

  /** Consumer properties that see only committed transactions. */
  public Map<String, Object> consumerProperties() {
    Map<String, Object> props = new HashMap<>(consumer == null ? Map.of() : consumer);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return props;
  }
}
