package nl.wijkhub.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.stereotype.Component;

/**
 * Stores committed observations in batches. Values are read as bytes and decoded by the {@link StoreWriter}, so
 * that a record which cannot be decoded or stored goes to the dead letters with its original bytes and the consumer
 * carries on. Offsets are committed only after a batch is in the database and its dead letters are acknowledged; on
 * any other error (the database is down) the consumer seeks back and retries the batch ({@code breakOnFirstError}).
 * Since the store ignores what it already has, a retry or a replay of the whole topic changes nothing.
 */
@Component
public class MonitoringStoreRoute extends EndpointRouteBuilder {

  static final String ROUTE_ID = "monitoring-store";

  private final KafkaSettings kafka;
  private final MonitoringSettings settings;
  private final StoreWriter writer;
  private final DeadLetters deadLetters;

  MonitoringStoreRoute(KafkaSettings kafka, MonitoringSettings settings, StoreWriter writer,
      DeadLetters deadLetters) {
    this.kafka = kafka;
    this.settings = settings;
    this.writer = writer;
    this.deadLetters = deadLetters;
  }

  @Override
  public void configure() {
    Map<String, Object> consumer = new HashMap<>(kafka.consumerProperties());
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    from(kafka(Topics.INDICATORS.name())
        .brokers(kafka.bootstrapServers())
        .groupId(settings.groupId())
        .autoOffsetReset("earliest")
        .batching(true)
        .maxPollRecords(settings.batchSize())
        .pollTimeoutMs(1000L)
        .breakOnFirstError(true)
        .valueDeserializer(ByteArrayDeserializer.class.getName())
        .additionalProperties(consumer)
        .advanced().isolationLevel("read_committed"))
        .routeId(ROUTE_ID)
        .process(exchange -> writer.write(records(exchange), deadLetters::send));
  }

  private static List<SourceRecord> records(Exchange batch) {
    List<?> records = batch.getMessage().getBody(List.class);
    return records.stream().map(record -> {
      Message m = ((Exchange) record).getMessage();
      return new SourceRecord(m.getHeader(KafkaConstants.TOPIC, String.class),
          m.getHeader(KafkaConstants.PARTITION, Integer.class), m.getHeader(KafkaConstants.OFFSET, Long.class),
          m.getHeader(KafkaConstants.KEY, String.class), m.getBody(byte[].class));
    }).toList();
  }
}
