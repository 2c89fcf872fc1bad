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
    started.setUncaughtExceptionHandler(MatchStreams::afterFailure);
    started.start();
    streams = started;
  }

  /**
   * A record that can never be matched was dead-lettered already (MatchDeadLetters); what arrives here failed the
   * stream thread. A transient failure replaces the thread, which processes the record again from the last
   * exactly-once commit; anything else (a dead letter that could not be written, a covenant version this instance
   * does not hold yet, a failure not known to be transient) stops the matcher, which says why: the rest of the hub keeps running, the health shows the matcher
   * DOWN, and after the fix it resumes from its last commit.
   */
  static StreamThreadExceptionResponse afterFailure(Throwable failure) {
    if (MatchFailures.isTransient(failure)) {
      LOG.warn("A matcher thread failed on a transient fault and is replaced: {}", causes(failure));
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    if (MatchFailures.unknownCovenantVersion(failure)) {
      LOG.error("The matcher stopped: a routed signal names a covenant version config/covenants does not hold;"
          + " deploy the configuration with that version and restart the hub, it resumes from its last commit");
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    LOG.error("The matcher stopped: {}", causes(failure));
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  /** The exception classes down the chain; their messages may quote a record. */
  private static String causes(Throwable failure) {
    StringBuilder names = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      names.append(names.isEmpty() ? "" : " <- ").append(cause.getClass().getName());
    }
    return names.toString();
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
