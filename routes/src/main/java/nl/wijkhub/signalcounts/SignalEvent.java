package nl.wijkhub.signalcounts;

import java.time.YearMonth;
import java.util.Objects;
import nl.wijkhub.dashboard.SignalCountSource.SignalCount;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;

/**
 * What the aggregation keeps of a routed signal: its id, kind, routing time and the cell it counts in. Read from the
 * fields that name no person; the month is the signal date's, or the key period's (the same month) when the
 * covenant does not pass the date on.
 */
record SignalEvent(String signalId, RoutedSignalKind kind, long routedAt, SignalCell cell) {

  static SignalEvent of(RoutedSignal signal) {
    YearMonth month = signal.getSignalDate() != null ? YearMonth.from(signal.getSignalDate())
        : YearMonth.parse(signal.getKeyPeriod());
    String wijk = Objects.requireNonNullElse(signal.getWijk(), SignalCount.UNKNOWN_WIJK);
    return new SignalEvent(signal.getSignalId(), signal.getKind(), signal.getRoutedAt().toEpochMilli(),
        new SignalCell(signal.getCovenantId(), month, signal.getSignalType(), wijk));
  }

  /** One signal's entry in the state: the same under every covenant topic partition it may arrive on. */
  String signalKey() {
    return cell.covenant() + "|" + signalId;
  }

  /** For the repartition topic: {@code signalId|kind|routedAt|cell}, the cell last since it splits itself. */
  String encode() {
    return String.join("|", signalId, kind.name(), Long.toString(routedAt), cell.key());
  }

  static SignalEvent decode(String encoded) {
    String[] parts = encoded.split("\\|", 4);
    return new SignalEvent(parts[0], RoutedSignalKind.valueOf(parts[1]), Long.parseLong(parts[2]),
        SignalCell.parse(parts[3]));
  }
}
