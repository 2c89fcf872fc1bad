package nl.wijkhub.signalcounts;

import java.time.YearMonth;
import nl.wijkhub.dashboard.SignalCountSource.SignalCount;

/**
 * One counted cell: covenant, month, signal type and wijk ({@code ""} when unknown), kept in the state store as
 * {@code covenant|yyyy-MM|type|wijk}. The covenant comes first so that one covenant's cells are one prefix; the wijk
 * comes last so that whatever a wijk code holds, the key still splits.
 */
record SignalCell(String covenant, YearMonth month, String signalType, String wijk) {

  private static final String SEPARATOR = "|";

  String key() {
    return String.join(SEPARATOR, covenant, month.toString(), signalType, wijk);
  }

  static SignalCell parse(String key) {
    String[] parts = key.split("\\|", 4);
    return new SignalCell(parts[0], YearMonth.parse(parts[1]), parts[2], parts[3]);
  }

  /** The prefix of every cell of a covenant. */
  static String prefix(String covenant) {
    return covenant + SEPARATOR;
  }

  SignalCount count(long count) {
    return new SignalCount(covenant, signalType, wijk, month, count);
  }
}
