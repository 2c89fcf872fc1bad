package nl.wijkhub.multiteam;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the match topology with the hub: started after the topics exist, closed before the hub stops, so that a
 * restart resumes from the committed offsets and the changelog-backed state and publishes nothing twice.
 */
public final class MatchStreams implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MatchStreams.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Topology topology;
  private final Properties properties;
  private final Runnable provisionTopics;
  private volatile KafkaStreams streams;

  MatchStreams(Topology topology, Properties properties, Runnable provisionTopics) {
    this.topology = topology;
    this.properties = properties;
    this.provisionTopics = provisionTopics;
  }

  @Override
  public synchronized void start() {
    provisionTopics.run();
    KafkaStreams started = new KafkaStreams(topology, properties);
    // A record the matcher cannot read or open is dead-lettered (MatchDeadLetters) and the matcher carries on;
    // what still arrives here (a dead letter that could not be written, a broken state store) stops the matcher,
    // which says why; the rest of the hub keeps running and the health shows the matcher DOWN.
    started.setUncaughtExceptionHandler(e -> {
      LOG.error("The matcher stopped: {}", e.toString());
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

  /** The Kafka Streams state, for health and tests; NOT_RUNNING when stopped. */
  public KafkaStreams.State state() {
    KafkaStreams current = streams;
    return current == null ? KafkaStreams.State.NOT_RUNNING : current.state();
  }
}
