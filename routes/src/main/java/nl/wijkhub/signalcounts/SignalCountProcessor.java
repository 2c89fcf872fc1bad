package nl.wijkhub.signalcounts;

import nl.wijkhub.events.RoutedSignalKind;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each signal's current cell and the count per cell. A signal counts once, in the cell of its latest version:
 * a correction moves it when type, wijk or month changed, a withdrawal takes it out for good. An event older than
 * what the state holds (a new signal read after its correction, which arrived on another person's partition) or
 * the same event again changes nothing, so the counts do not depend on the order partitions are read in.
 */
final class SignalCountProcessor implements Processor<String, String, Void, Void> {

  /** Per signal ({@code covenant|signalId}): {@code routedAt|cell key}, or {@code routedAt|} once withdrawn. */
  static final String SIGNALS = "signal-cells";
  /** Per cell key: how many signals count in it; absent when none. */
  static final String COUNTS = "signal-counts";

  private KeyValueStore<String, String> signals;
  private KeyValueStore<String, Long> counts;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    signals = context.getStateStore(SIGNALS);
    counts = context.getStateStore(COUNTS);
  }

  @Override
  public void process(Record<String, String> record) {
    SignalEvent event = SignalEvent.decode(record.value());
    String held = signals.get(event.signalKey());
    if (held != null) {
      String[] state = held.split("\\|", 2);
      boolean withdrawn = state[1].isEmpty();
      if (withdrawn || event.routedAt() <= Long.parseLong(state[0])) {
        return;
      }
      add(state[1], -1);
    }
    if (event.kind() == RoutedSignalKind.INTREKKING) {
      signals.put(event.signalKey(), event.routedAt() + "|");
    } else {
      add(event.cell().key(), 1);
      signals.put(event.signalKey(), event.routedAt() + "|" + event.cell().key());
    }
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
