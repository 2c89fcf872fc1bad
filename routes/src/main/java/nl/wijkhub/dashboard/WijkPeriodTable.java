package nl.wijkhub.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of the dashboard's tables: wijken as rows, periods as columns, a row "alle wijken" with the sum per
 * period and, when the periods add up (quarters of one year), a column with the sum per wijk. A cell a partner
 * did not deliver is absent, not zero: it is shown as missing and adds nothing to the totals.
 */
public final class WijkPeriodTable {

  /** The row or column of a total. */
  public static final String TOTAL = "totaal";

  /** A cell of the table by row (wijk code or {@link #TOTAL}) and column (period or {@link #TOTAL}). */
  public record Key(String row, String column) {}

  private final List<String> wijken;
  private final List<String> periods;
  private final boolean periodsAddUp;
  private final Map<Key, Count> values = new LinkedHashMap<>();

  /**
   * @param periodsAddUp true when a wijk's periods may be summed (quarters of a year); counts of people over several
   *     years may not (the same person counts each year), so the trend table has no row totals
   */
  public WijkPeriodTable(List<String> wijken, List<String> periods, boolean periodsAddUp) {
    this.wijken = List.copyOf(wijken);
    this.periods = List.copyOf(periods);
    this.periodsAddUp = periodsAddUp;
  }

  public WijkPeriodTable put(String wijk, String period, Count value) {
    if (!wijken.contains(wijk) || !periods.contains(period)) {
      throw new IllegalArgumentException("No cell for wijk " + wijk + " in period " + period);
    }
    values.put(new Key(wijk, period), value);
    return this;
  }

  /** The table as inner and published cells, for {@link Suppression#protect} and the cell values. */
  public TableCells<Key> cells() {
    TableCells<Key> cells = new TableCells<>();
    Map<Key, Integer> inner = new LinkedHashMap<>();
    values.forEach((key, value) -> inner.put(key, cells.inner(value)));
    for (String wijk : wijken) {
      List<Integer> rowParts = new ArrayList<>();
      for (String period : periods) {
        Integer index = inner.get(new Key(wijk, period));
        if (index != null) {
          cells.publish(new Key(wijk, period), List.of(index));
          rowParts.add(index);
        }
      }
      if (periodsAddUp && !rowParts.isEmpty()) {
        cells.publish(new Key(wijk, TOTAL), rowParts);
      }
    }
    List<Integer> all = new ArrayList<>();
    for (String period : periods) {
      List<Integer> columnParts = wijken.stream().map(w -> inner.get(new Key(w, period)))
          .filter(java.util.Objects::nonNull).toList();
      if (!columnParts.isEmpty()) {
        cells.publish(new Key(TOTAL, period), columnParts);
        all.addAll(columnParts);
      }
    }
    if (periodsAddUp && !all.isEmpty()) {
      cells.publish(new Key(TOTAL, TOTAL), all);
    }
    return cells;
  }

  public List<String> wijken() {
    return wijken;
  }

  public List<String> periods() {
    return periods;
  }
}
