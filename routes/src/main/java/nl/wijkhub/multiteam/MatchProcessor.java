package nl.wijkhub.multiteam;

import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchState;
import nl.wijkhub.events.MatchStatus;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.WindowSignal;
import nl.wijkhub.privacy.ProcessingSteps;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The match rules, per person (key: pseudonym), covenant and recipient. Signals of one person stay in the state while they
 * are inside the covenant's window; once two different suppliers are among them a {@link Match} opens, each change
 * to its signals publishes the next revision under the same id, and a match left with one supplier, or whose window
 * after the latest signal passed, is published once more as closed. Every published revision is a processing step
 * (gematcht), forwarded beside it so that both are in the same exactly-once transaction.
 */
final class MatchProcessor implements Processor<String, RoutedSignal, String, SpecificRecord> {

  static final String STORE = "match-state";
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private final MatchTerms.Source terms;
  private final ContactSealer contacts;
  private final Duration expiryInterval;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, MatchState> store;

  MatchProcessor(MatchTerms.Source terms, ContactSealer contacts, Duration expiryInterval) {
    this.terms = terms;
    this.contacts = contacts;
    this.expiryInterval = expiryInterval;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
    context.schedule(expiryInterval, PunctuationType.WALL_CLOCK_TIME, this::closeExpired);
  }

  @Override
  public void process(Record<String, RoutedSignal> record) {
    RoutedSignal signal = record.value();
    if (signal == null) {
      return;
    }
    // Pseudonyms differ per covenant anyway; the covenant in the key keeps two covenants apart even if they did not.
    String key = signal.getCovenantId() + '|' + signal.getRecipient() + '|' + record.key();
    MatchTerms covenant = terms.of(signal.getCovenantId(), signal.getCovenantVersion());
    LocalDate date = dateOf(signal);
    MatchState state = store.get(key);
    if (state != null && signal.getKind() == RoutedSignalKind.NIEUW
        && state.getSignals().stream().anyMatch(s -> s.getSignalId().equals(signal.getSignalId()))) {
      return;
    }
    if (state != null && openUntil(state).isBefore(date)) {
      close(key, state, null);
      state = null;
    }
    if (state == null && signal.getKind() == RoutedSignalKind.INTREKKING) {
      return;
    }
    if (state == null) {
      state = MatchState.newBuilder().setCovenantId(signal.getCovenantId()).setRecipient(signal.getRecipient())
          .setCovenantVersion(signal.getCovenantVersion()).setMatchId(null).setRevision(0)
          .setMatchWindow(covenant.matchWindow().toString()).setSignals(List.of()).build();
    }
    List<WindowSignal> signals = new ArrayList<>(state.getSignals());
    signals.removeIf(s -> s.getSignalId().equals(signal.getSignalId()));
    if (signal.getKind() != RoutedSignalKind.INTREKKING) {
      signals.add(WindowSignal.newBuilder().setSignalId(signal.getSignalId()).setSupplier(signal.getSupplier())
          .setSignalDate(date).setKeyPeriod(signal.getKeyPeriod()).setContact(contacts.contactOf(signal)).build());
      signals.sort(Comparator.comparing(WindowSignal::getSignalDate).thenComparing(WindowSignal::getSignalId));
      state.setCovenantVersion(signal.getCovenantVersion());
      state.setMatchWindow(covenant.matchWindow().toString());
    }
    if (signals.equals(state.getSignals())) {
      return;
    }
    state.setSignals(signals);
    update(key, state, signal.getSignalId());
  }

  /** Opens, updates or closes the match after the signals changed, and keeps or drops the state. */
  private void update(String key, MatchState state, String signalId) {
    boolean matched = state.getSignals().stream().map(WindowSignal::getSupplier).distinct().count() >= 2;
    if (matched) {
      if (state.getMatchId() == null) {
        state.setMatchId(UUID.randomUUID().toString());
      }
      state.setRevision(state.getRevision() + 1);
      publish(key, state, MatchStatus.OPEN, signalId);
    } else if (state.getMatchId() != null) {
      close(key, state, signalId);
      return;
    }
    if (state.getSignals().isEmpty()) {
      store.delete(key);
    } else {
      store.put(key, state);
    }
  }

  /** Publishes the closing revision of an open match, if any, and forgets the state. */
  private void close(String key, MatchState state, String signalId) {
    if (state.getMatchId() != null) {
      state.setRevision(state.getRevision() + 1);
      publish(key, state, MatchStatus.GESLOTEN, signalId);
    }
    state.setMatchId(null);
    state.setRevision(0);
    if (signalId == null || state.getSignals().isEmpty()) {
      store.delete(key);
    } else {
      store.put(key, state);
    }
  }

  /** Closes every match whose window after its latest signal has passed, and drops such state. */
  private void closeExpired(long wallClockMillis) {
    LocalDate today = Instant.ofEpochMilli(wallClockMillis).atZone(ZONE).toLocalDate();
    List<KeyValue<String, MatchState>> expired = new ArrayList<>();
    try (KeyValueIterator<String, MatchState> all = store.all()) {
      all.forEachRemaining(entry -> {
        if (openUntil(entry.value).isBefore(today)) {
          expired.add(entry);
        }
      });
    }
    expired.forEach(entry -> close(entry.key, entry.value, null));
  }

  private void publish(String key, MatchState state, MatchStatus status, String signalId) {
    long now = context.currentSystemTimeMs();
    String pseudonym = key.substring(key.lastIndexOf('|') + 1);
    Match match = Match.newBuilder()
        .setMatchId(state.getMatchId())
        .setStatus(status)
        .setRevision(state.getRevision())
        .setCovenantId(state.getCovenantId())
        .setRecipient(state.getRecipient())
        .setPseudonym(pseudonym)
        .setSignals(state.getSignals().stream().map(MatchProcessor::matched).toList())
        .setOpenUntil(openUntil(state))
        .setUpdatedAt(Instant.ofEpochMilli(now))
        .build();
    context.forward(new Record<>(state.getRecipient() + '|' + pseudonym, match, now));
    MatchTerms covenant = terms.of(state.getCovenantId(), state.getCovenantVersion());
    ProcessingRecord logged = ProcessingSteps.at("gematcht", Instant.ofEpochMilli(now))
        .setProcessingActivityId(covenant.processingActivityUri())
        .setOrganisation("wijkhub")
        .setDataSubjectId(pseudonym)
        .setDataSubjectIdType("pseudoniem:" + state.getCovenantId())
        .setCovenantId(state.getCovenantId())
        .setCovenantVersion(state.getCovenantVersion())
        .setSignalId(signalId)
        .build();
    context.forward(new Record<>(logged.getTraceId(), logged, now));
  }

  private static MatchedSignal matched(WindowSignal signal) {
    return MatchedSignal.newBuilder().setSignalId(signal.getSignalId()).setSupplier(signal.getSupplier())
        .setSignalDate(signal.getSignalDate()).setKeyPeriod(signal.getKeyPeriod()).setContact(signal.getContact())
        .build();
  }

  /** The latest signal date plus the window: the last day on which a further signal still joins. */
  static LocalDate openUntil(MatchState state) {
    LocalDate latest = state.getSignals().stream().map(WindowSignal::getSignalDate).max(LocalDate::compareTo)
        .orElseThrow();
    return latest.plus(Period.parse(state.getMatchWindow()));
  }

  /**
   * The date the window counts from: the signal date where the covenant routes it to the recipient (both
   * covenants do), else the day the hub routed it, which is at most a few days later.
   */
  static LocalDate dateOf(RoutedSignal signal) {
    return signal.getSignalDate() != null ? signal.getSignalDate()
        : signal.getRoutedAt().atZone(ZONE).toLocalDate();
  }
}
