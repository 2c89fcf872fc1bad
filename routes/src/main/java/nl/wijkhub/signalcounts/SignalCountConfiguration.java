package nl.wijkhub.signalcounts;

import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import nl.wijkhub.HubSettings;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.dashboard.SignalCountSource;
import nl.wijkhub.multiteam.BoundedRocksDb;
import nl.wijkhub.multiteam.MatchSerdes;
import nl.wijkhub.multiteam.MatchSettings;
import nl.wijkhub.publish.CovenantTopics;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.retention.RetentionSettings;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SignalCountConfiguration {

  /** CovenantTopics is a parameter so that the covenants' topics exist before the topology subscribes to them. */
  @Bean
  @ConditionalOnProperty(name = "wijkhub.signal-counts.enabled", havingValue = "true", matchIfMissing = true)
  SignalCountStreams signalCountStreams(SignalCountSettings settings, MatchSettings memory, KafkaSettings kafka,
      HubSettings hub, Covenants covenants, CovenantTopics topics, RetentionSettings retention, Clock clock) {
    // The entries per signal go on the retention job's schedule and clock, with the month's data key.
    var topology = SignalCountTopology.build(topics.covenantIds(), MatchSerdes.registrySerde(kafka),
        CountingCopy.of(covenants), CellRetention.of(covenants), clock, retention.interval());
    return new SignalCountStreams(topology, streamsProperties(settings, memory, kafka, hub));
  }

  @Bean("signalCounts")
  @ConditionalOnProperty(name = "wijkhub.signal-counts.enabled", havingValue = "true", matchIfMissing = true)
  SignalCountHealthIndicator signalCountHealth(SignalCountStreams streams) {
    return new SignalCountHealthIndicator(streams);
  }

  @Bean
  @ConditionalOnProperty(name = "wijkhub.signal-counts.enabled", havingValue = "false")
  SignalCountSource noSignalCounts() {
    return covenant -> Optional.empty();
  }

  private static Properties streamsProperties(SignalCountSettings settings, MatchSettings memory,
      KafkaSettings kafka, HubSettings hub) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, hub.dataDir().resolve(memory.stateDir()).toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, memory.threads());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, memory.cacheMaxBytes().toBytes());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    BoundedRocksDb.budget(props, memory);
    return props;
  }
}
