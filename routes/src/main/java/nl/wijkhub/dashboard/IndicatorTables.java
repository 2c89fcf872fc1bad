package nl.wijkhub.dashboard;

import java.util.List;
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

  static boolean isYear(String period) {
    return period.length() == 4;
  }
}
