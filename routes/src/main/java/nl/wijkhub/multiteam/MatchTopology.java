package nl.wijkhub.multiteam;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchState;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.publish.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Routed signals of every covenant in, matches and their processing-log records out. Signals are re-keyed by the
 * person's oldest live pseudonym: across a pseudonym-key rotation a later signal carries the old version's
 * pseudonym too (see privacy/Pseudonyms), so two signals inside one window meet on the same key and partition.
 */
final class MatchTopology {

  private MatchTopology() {}

  static Topology build(Collection<String> covenantIds, MatchSerdes serdes, MatchTerms.Source terms,
      ContactSealer contacts, Duration expiryInterval) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MatchProcessor.STORE),
        Serdes.String(), new AvroBinarySerde<>(MatchState.class)));
    List<String> sources = covenantIds.stream().sorted().map(id -> Topics.multiteam(id).name()).toList();
    KStream<String, SpecificRecord> out = builder
        .stream(sources, Consumed.with(Serdes.String(), serdes.routedSignals()).withName("routed-signals"))
        .selectKey((key, signal) -> oldestPseudonym(signal), Named.as("by-oldest-pseudonym"))
        .repartition(Repartitioned.with(Serdes.String(), new AvroBinarySerde<>(RoutedSignal.class))
            .withName("by-person"))
        .process(() -> new MatchProcessor(terms, contacts, expiryInterval), Named.as("matcher"),
            MatchProcessor.STORE);
    out.split(Named.as("output-"))
        .branch((key, value) -> value instanceof Match, Branched.withConsumer(matches -> matches
            .mapValues(value -> (Match) value, Named.as("as-match"))
            .to((key, match, context) -> Topics.matches(match.getCovenantId()).name(),
                Produced.with(Serdes.String(), serdes.matches()).withName("matches")), "matches"))
        .defaultBranch(Branched.withConsumer(log -> log
            .mapValues(value -> (ProcessingRecord) value, Named.as("as-processing-record"))
            .to(Topics.PROCESSING_LOG.name(), Produced.with(Serdes.String(), serdes.processingLog())
                .withName("processing-log")), "processing-log"));
    return builder.build();
  }

  /** Pseudonyms come newest first; the oldest live one is the one every signal in the window shares. */
  private static String oldestPseudonym(RoutedSignal signal) {
    List<String> pseudonyms = signal.getPseudonyms();
    if (pseudonyms.isEmpty()) {
      throw new MatchFailures.BrokenContract("A routed signal without a pseudonym");
    }
    return pseudonyms.get(pseudonyms.size() - 1);
  }
}
