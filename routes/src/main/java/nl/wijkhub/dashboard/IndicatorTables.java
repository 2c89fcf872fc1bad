package nl.wijkhub.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.wijkhub.dashboard.FigureSource.Figure;
import nl.wijkhub.reference.Programme;

/**
 * Builds the published tables of one indicator the same way for every view, so that the dashboard, the public
 * page and the yearly report hide the same cells: the wijken by year with a row for all wijken, and the figure
 * delivered for the whole programme, which is a number of its own and never added to the wijken.
 */
public final class IndicatorTables {

  private IndicatorTables() {}

  /** Wijken by year (periods that are years), with the sum over wijken per year. */
  public static WijkPeriodTable yearly(Programme programme, String indicator, List<Figure> figures) {
    List<Figure> own = figures.stream().filter(f -> f.indicator().equals(indicator) && !f.wholeProgramme()
        && isYear(f.period())).toList();
    List<String> years = List.copyOf(new TreeSet<>(own.stream().map(Figure::period).toList()));
    List<String> wijken = programme.wijken().stream().map(Programme.Wijk::code).toList();
    WijkPeriodTable table = new WijkPeriodTable(wijken, years, false);
    own.stream().filter(f -> wijken.contains(f.wijk())).forEach(f -> table.put(f.wijk(), f.period(), f.value()));
    return table;
  }

  /** The figure delivered for the whole programme in a period, if any. */
  public static Optional<Count> wholeProgramme(String indicator, String period, List<Figure> figures) {
    return figures.stream().filter(f -> f.indicator().equals(indicator) && f.wholeProgramme()
        && f.period().equals(period)).map(Figure::value).findFirst();
  }

  /**
   * What a public reader may see of a year's whole-programme figure: protected on its own as a single cell, and
   * hidden too whenever the year's sum of the wijken is hidden, because a whole-programme figure that equals that sum
   * would let a reader subtract the shown wijken and recover a hidden cell.
   *
   * @param wijken the indicator's {@link #yearly} table
   * @param wijkenShown what the same reader sees of that table
   */
  public static Shown wholeProgrammeShown(Count whole, String period, WijkPeriodTable wijken,
      Map<WijkPeriodTable.Key, Shown> wijkenShown, Suppression suppression) {
    TableCells<String> single = new TableCells<>();
    single.publish(period, List.of(single.inner(whole)));
    Shown own = suppression.protect(single).get(period);
    WijkPeriodTable.Key total = new WijkPeriodTable.Key(WijkPeriodTable.TOTAL, period);
    boolean totalHidden = wijken.periods().contains(period)
        && wijkenShown.getOrDefault(total, Shown.VALUE) != Shown.VALUE;
    return own == Shown.VALUE && totalHidden ? Shown.HIDDEN : own;
  }

  static boolean isYear(String period) {
    return period.length() == 4;
  }
}
