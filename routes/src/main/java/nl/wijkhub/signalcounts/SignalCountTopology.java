package nl.wijkhub.signalcounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Routed signals of every covenant in, counts per cell in a queryable store (changelog-backed, so a restart resumes
 * where it committed). Each counting copy is first reduced to a {@link SignalEvent}, then re-keyed by covenant: the
 * versions of one signal may sit on different partitions (a corrected BSN is another pseudonym), and all cells of a
 * covenant in one task make its counts one store; signals are few enough for one task per covenant.
 */
final class SignalCountTopology {

  /**
   * How long a deleted signal entry may stay readable in the signal-cells changelog: the compacted topic keeps the
   * old value until the log cleaner reaches it, which on a quiet topic may be never (docs/privacy.md). The tombstone
   * itself goes a day later, the broker's delete.retention.ms.
   */
  static final Duration CHANGELOG_COMPACTION_LAG = Duration.ofDays(1);

  private SignalCountTopology() {}

  static Topology build(Collection<String> covenantIds, Serde<RoutedSignal> routedSignals, CountingCopy copies,
      CellRetention retention, Clock clock, Duration retentionInterval) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SignalCountProcessor.SIGNALS), Serdes.String(), Serdes.String())
        .withLoggingEnabled(Map.of(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG,
            Long.toString(CHANGELOG_COMPACTION_LAG.toMillis()))));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SignalCountProcessor.COUNTS), Serdes.String(), Serdes.Long()));
    List<String> sources = covenantIds.stream().sorted().map(id -> Topics.multiteam(id).name()).toList();
    builder.stream(sources, Consumed.with(Serdes.String(), routedSignals).withName("routed-signals"))
        .filter((key, signal) -> copies.counts(signal), Named.as("counting-copy"))
        .map((key, signal) -> {
          SignalEvent event = SignalEvent.of(signal);
          return KeyValue.pair(event.cell().covenant(), event.encode());
        }, Named.as("without-person"))
        .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("by-covenant"))
        .process(() -> new SignalCountProcessor(retention, clock, retentionInterval), Named.as("counter"),
            SignalCountProcessor.SIGNALS, SignalCountProcessor.COUNTS);
    return builder.build();
  }
}
