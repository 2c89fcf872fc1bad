package nl.wijkhub.multiteam;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.wijkhub.HubSettings;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.privacy.RecipientCipher;
import nl.wijkhub.privacy.RecipientDecryption;
import nl.wijkhub.publish.CovenantTopics;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.TopicProvisioner;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wijkhub.matches.enabled", havingValue = "true", matchIfMissing = true)
class MatchConfiguration {

  @Bean(destroyMethod = "close")
  KafkaDeadLetterSink matchDeadLetters(KafkaSettings kafka, MeterRegistry meters) {
    return new KafkaDeadLetterSink(kafka, meters);
  }

  @Bean
  MatchStreams matchStreams(MatchSettings settings, KafkaSettings kafka, HubSettings hub, Covenants covenants,
      CovenantTopics topics, RecipientDecryption decryption, RecipientCipher cipher,
      KafkaDeadLetterSink deadLetters) {
    var topology = MatchTopology.build(topics.covenantIds(), MatchSerdes.configured(kafka), terms(covenants),
        new ContactSealer(decryption, cipher), settings.expiryInterval());
    Properties props = streamsProperties(settings, kafka, hub.dataDir());
    withDeadLetters(props, deadLetters);
    return new MatchStreams(topology, props,
        // The covenants' topics exist since CovenantTopics was made; the dead letters are the matcher's own.
        () -> TopicProvisioner.ensure(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            kafka.replicationFactor(), kafka.excerptRetention(), List.of(Topics.MATCH_DEAD_LETTERS)));
  }

  @Bean("matcher")
  MatcherHealthIndicator matcherHealth(MatchStreams streams, KafkaDeadLetterSink deadLetters) {
    return new MatcherHealthIndicator(streams, deadLetters);
  }

  /**
   * A record the matcher can never read or process goes to {@code sink} and the matcher carries on; a transient
   * failure fails the stream thread instead (MatchFailures).
   */
  static void withDeadLetters(Properties props, DeadLetter.Sink sink) {
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, MatchDeadLetters.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, MatchDeadLetters.class);
    props.put(MatchDeadLetters.SINK, sink);
  }

  static MatchTerms.Source terms(Covenants covenants) {
    return (covenantId, version) -> covenants.versions(covenantId).stream()
        .filter(v -> v.version() == version).findFirst()
        .map(MatchConfiguration::termsOf)
        .orElseThrow(() -> new MatchTerms.UnknownVersion("A routed signal names covenant " + covenantId + " version "
            + version + ", which config/covenants does not hold; a signed version must never be removed"));
  }

  private static MatchTerms termsOf(CovenantVersion version) {
    return new MatchTerms(version.matchWindow(), version.processingActivityUri().toString());
  }

  static Properties streamsProperties(MatchSettings settings, KafkaSettings kafka, Path dataDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve(settings.stateDir()).toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, settings.cacheMaxBytes().toBytes());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    props.put(BoundedRocksDb.BLOCK_CACHE_BYTES, settings.blockCacheBytes().toBytes());
    props.put(BoundedRocksDb.WRITE_BUFFER_BYTES, settings.writeBufferBytes().toBytes());
    return props;
  }
}
