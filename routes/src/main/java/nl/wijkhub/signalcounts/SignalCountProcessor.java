package nl.wijkhub.signalcounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.events.RoutedSignalKind;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each signal's current cell and the count per cell. A signal counts once, in the cell of its latest version:
 * a correction moves it when type, wijk or month changed, a withdrawal takes it out for good. An event older than
 * what the state holds (a new signal read after its correction, which arrived on another person's partition) or
 * the same event again changes nothing, so the counts do not depend on the order partitions are read in.
 *
 * <p>The entry per signal is a copy of the signal's routing like any other: every {@code retentionInterval}, by the
 * hub's clock (the one the retention job reads), the entries of months whose covenant retention has ended are
 * deleted, from the store and by tombstone from its changelog. Only the cell counts stay. From then on that month's
 * counts are final: an event of a month whose retention has ended changes nothing and leaves no entry, so that a
 * signal read again (a correction, a redelivery) cannot count twice once its entry is gone.
 */
final class SignalCountProcessor implements Processor<String, String, Void, Void> {

  /** Per signal ({@code covenant|signalId}): a {@link HeldSignal}, until its month's retention ends. */
  static final String SIGNALS = "signal-cells";
  /** Per cell key: how many signals count in it; absent when none. */
  static final String COUNTS = "signal-counts";

  private final CellRetention retention;
  private final Clock clock;
  private final Duration retentionInterval;
  private KeyValueStore<String, String> signals;
  private KeyValueStore<String, Long> counts;

  SignalCountProcessor(CellRetention retention, Clock clock, Duration retentionInterval) {
    this.retention = retention;
    this.clock = clock;
    this.retentionInterval = retentionInterval;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    signals = context.getStateStore(SIGNALS);
    counts = context.getStateStore(COUNTS);
    // Wall-clock time only triggers the run; whether a month's retention ended is decided by the hub's clock.
    context.schedule(retentionInterval, PunctuationType.WALL_CLOCK_TIME, ignored -> dropEnded());
  }

  @Override
  public void process(Record<String, String> record) {
    SignalEvent event = SignalEvent.decode(record.value());
    if (ended(event.cell(), clock.instant())) {
      return;
    }
    String held = signals.get(event.signalKey());
    if (held != null) {
      HeldSignal before = HeldSignal.decode(held);
      if (before.withdrawn() || event.routedAt() <= before.routedAt()) {
        return;
      }
      add(before.cell().key(), -1);
    }
    boolean withdrawn = event.kind() == RoutedSignalKind.INTREKKING;
    if (!withdrawn) {
      add(event.cell().key(), 1);
    }
    signals.put(event.signalKey(), new HeldSignal(event.routedAt(), withdrawn, event.cell()).encode());
  }

  private void dropEnded() {
    Instant now = clock.instant();
    Map<String, Boolean> endedPerMonth = new HashMap<>();
    List<String> ended = new ArrayList<>();
    try (KeyValueIterator<String, String> all = signals.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> entry = all.next();
        SignalCell cell = HeldSignal.decode(entry.value).cell();
        if (endedPerMonth.computeIfAbsent(cell.covenant() + "|" + cell.month(), month -> ended(cell, now))) {
          ended.add(entry.key);
        }
      }
    }
    ended.forEach(signals::delete);
  }

  private boolean ended(SignalCell cell, Instant now) {
    return retention.end(cell.covenant(), cell.month()).map(end -> !now.isBefore(end)).orElse(false);
  }

  private void add(String cell, long delta) {
    long count = counts.get(cell) == null ? delta : counts.get(cell) + delta;
    if (count <= 0) {
      counts.delete(cell);
    } else {
      counts.put(cell, count);
    }
  }
}
