package nl.wijkhub.monitoring;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Stores committed observations in batches. Offsets are committed only after a batch is in the database, and on an
 * error the consumer seeks back and retries the batch ({@code breakOnFirstError}); since the store ignores what it
 * already has, a retry or a replay of the whole topic changes nothing.
 */
@Component
public class MonitoringStoreRoute extends EndpointRouteBuilder {

  private final KafkaSettings kafka;
  private final MonitoringSettings settings;
  private final ObservationStore store;

  public MonitoringStoreRoute(KafkaSettings kafka, MonitoringSettings settings, ObservationStore store) {
    this.kafka = kafka;
    this.settings = settings;
    this.store = store;
  }

  @Override
  public void configure() {
    Map<String, Object> consumer = kafka.consumerProperties();
    from(kafka(Topics.INDICATORS.name())
        .brokers(kafka.bootstrapServers())
        .groupId(settings.groupId())
        .autoOffsetReset("earliest")
        .batching(true)
        .maxPollRecords(settings.batchSize())
        .pollTimeoutMs(1000L)
        .breakOnFirstError(true)
        .valueDeserializer((String) consumer.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG))
        .additionalProperties(consumer)
        .advanced().isolationLevel("read_committed"))
        .routeId("monitoring-store")
        .process(exchange -> store(observations(exchange)));
  }

  /** Database errors can quote the rows they failed on; only the SQL state leaves this method. */
  private void store(List<IndicatorObservation> batch) {
    try {
      store.store(batch);
    } catch (DataAccessException e) {
      Throwable cause = e.getMostSpecificCause();
      String state = cause instanceof SQLException sql ? sql.getSQLState() : cause.getClass().getSimpleName();
      throw new IllegalStateException("Storing " + batch.size() + " observations failed (SQL state " + state
          + "); the batch will be retried");
    }
  }

  private static List<IndicatorObservation> observations(Exchange batch) {
    List<?> records = batch.getMessage().getBody(List.class);
    return records.stream()
        .map(record -> ((Exchange) record).getMessage().getBody(IndicatorObservation.class))
        .toList();
  }
}
