package nl.wijkhub.privacy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topic;
import nl.wijkhub.publish.Topics;
import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Materialises the committed processing and access logs in the database, in batches. Offsets are committed only
 * after a batch is stored; on an error the batch is retried ({@code breakOnFirstError}), and since the store skips
 * what it already has, a retry or replay changes nothing.
 */
@Component
class ProcessingLogRoute extends EndpointRouteBuilder {

  private final KafkaSettings kafka;
  private final PrivacySettings settings;
  private final ProcessingLogStore store;

  ProcessingLogRoute(KafkaSettings kafka, PrivacySettings settings, ProcessingLogStore store) {
    this.kafka = kafka;
    this.settings = settings;
    this.store = store;
  }

  @Override
  public void configure() {
    consume(Topics.PROCESSING_LOG, "processing-log-store", store::storeRecords);
    consume(Topics.ACCESS_LOG, "access-log-store", store::storeAccesses);
  }

  private <V> void consume(Topic<V> topic, String routeId, Consumer<List<V>> sink) {
    Map<String, Object> consumer = kafka.consumerProperties();
    from(kafka(topic.name())
        .brokers(kafka.bootstrapServers())
        .groupId(settings.processingLogGroupId())
        .autoOffsetReset("earliest")
        .batching(true)
        .maxPollRecords(500)
        .pollTimeoutMs(1000L)
        .breakOnFirstError(true)
        .valueDeserializer((String) consumer.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG))
        .additionalProperties(consumer)
        .advanced().isolationLevel("read_committed"))
        .routeId(routeId)
        .process(exchange -> store(topic, values(exchange, topic.valueType()), sink));
  }

  /** Database errors can quote the rows they failed on; only the SQL state leaves this method. */
  private static <V> void store(Topic<V> topic, List<V> batch, Consumer<List<V>> sink) {
    try {
      sink.accept(batch);
    } catch (DataAccessException e) {
      Throwable cause = e.getMostSpecificCause();
      String state = cause instanceof SQLException sql ? sql.getSQLState() : cause.getClass().getSimpleName();
      throw new IllegalStateException("Storing " + batch.size() + " records of " + topic.name() + " failed (SQL"
          + " state " + state + "); the batch will be retried");
    }
  }

  private static <V> List<V> values(Exchange batch, Class<V> type) {
    List<?> records = batch.getMessage().getBody(List.class);
    return records.stream().map(record -> ((Exchange) record).getMessage().getBody(type)).toList();
  }
}
