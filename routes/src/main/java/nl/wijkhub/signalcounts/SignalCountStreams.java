package nl.wijkhub.signalcounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import nl.wijkhub.dashboard.SignalCountSource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the count topology with the hub and answers the dashboard from its store. Counts are read from this
 * instance's store only: a hub run as several instances of one application id would show each its own partitions'
 * covenants, so run one instance or give each its own {@code wijkhub.signal-counts.application-id}.
 */
public final class SignalCountStreams implements SmartLifecycle, SignalCountSource {

  private static final Logger LOG = LoggerFactory.getLogger(SignalCountStreams.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Topology topology;
  private final Properties properties;
  private volatile KafkaStreams streams;

  SignalCountStreams(Topology topology, Properties properties) {
    this.topology = topology;
    this.properties = properties;
  }

  @Override
  public Optional<List<SignalCount>> counts(String covenant) {
    KafkaStreams current = streams;
    if (current == null || current.state() != KafkaStreams.State.RUNNING) {
      return Optional.empty();
    }
    try {
      ReadOnlyKeyValueStore<String, Long> store = current.store(StoreQueryParameters.fromNameAndType(
          SignalCountProcessor.COUNTS, QueryableStoreTypes.keyValueStore()));
      List<SignalCount> counts = new ArrayList<>();
      try (KeyValueIterator<String, Long> cells = store.prefixScan(SignalCell.prefix(covenant),
          new StringSerializer())) {
        while (cells.hasNext()) {
          KeyValue<String, Long> cell = cells.next();
          counts.add(SignalCell.parse(cell.key).count(cell.value));
        }
      }
      return Optional.of(counts);
    } catch (InvalidStateStoreException e) {
      // Migrating or restoring between the state check and the query: the page says to try again.
      return Optional.empty();
    }
  }

  @Override
  public synchronized void start() {
    KafkaStreams started = new KafkaStreams(topology, properties);
    // A broken state store or an unreadable record stops the counts, which says why; the rest of the hub keeps
    // running and the dashboard says the counts are not available.
    started.setUncaughtExceptionHandler(e -> {
      LOG.error("The signal counts stopped: {}", e.toString());
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    started.start();
    streams = started;
  }

  @Override
  public synchronized void stop() {
    if (streams != null) {
      streams.close(CLOSE_TIMEOUT);
      streams = null;
    }
  }

  @Override
  public boolean isRunning() {
    return streams != null;
  }

  /** The Kafka Streams state, for health; NOT_RUNNING when stopped. */
  KafkaStreams.State state() {
    KafkaStreams current = streams;
    return current == null ? KafkaStreams.State.NOT_RUNNING : current.state();
  }
}
