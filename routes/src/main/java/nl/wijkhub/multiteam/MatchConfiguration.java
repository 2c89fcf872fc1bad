package nl.wijkhub.multiteam;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
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
import org.apache.kafka.common.config.TopicConfig;
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

  /** How long a deleted match state may stay readable in the store's changelog (docs/privacy.md). */
  static final String CHANGELOG_COMPACTION_LAG = Long.toString(Duration.ofDays(1).toMillis());

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
    BoundedRocksDb.budget(props, settings);
    // A closed or expired match deletes its state, but the compacted changelog keeps the old value until the log
    // cleaner reaches it, which on a quiet topic may be never. This bounds it: compacted within a day (the
    // tombstone itself goes a day later, the broker's delete.retention.ms). Repartition topics are purged anyway.
    props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG), CHANGELOG_COMPACTION_LAG);
    return props;
  }
}
