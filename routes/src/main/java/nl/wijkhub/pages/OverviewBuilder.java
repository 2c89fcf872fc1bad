package nl.wijkhub.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.dashboard.FigureSource.Figure;
import nl.wijkhub.dashboard.IndicatorTables;
import nl.wijkhub.dashboard.Shown;
import nl.wijkhub.dashboard.StatusRule;
import nl.wijkhub.dashboard.Suppression;
import nl.wijkhub.dashboard.TableCells;
import nl.wijkhub.dashboard.WijkPeriodTable;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.report.CellText;
import nl.wijkhub.report.YearlyReport;
import nl.wijkhub.report.YearlyReportBuilder;

/**
 * Builds the overview of a programme for a year from the yearly report's rows (realised value, target, status) and
 * the indicator's wijk-by-year table, protected the same way as in the report when the reader is not staff.
 */
final class OverviewBuilder {

  private final ReferenceData reference;
  private final FigureSource figures;
  private final YearlyReportBuilder reports;
  private final Suppression suppression;
  private final Clock clock;

  OverviewBuilder(ReferenceData reference, FigureSource figures, YearlyReportBuilder reports,
      Suppression suppression, Clock clock) {
    this.reference = reference;
    this.figures = figures;
    this.reports = reports;
    this.suppression = suppression;
    this.clock = clock;
  }

  Optional<Programme> programme(String id) {
    return reference.programmes().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The latest year with a figure, or this year when there is none yet. */
  int defaultYear(String programme) {
    List<Integer> years = years(figures.figures(programme));
    return years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(years.size() - 1);
  }

  Overview build(Programme programme, int year, boolean internal) {
    List<Figure> all = figures.figures(programme.id());
    YearlyReport report = reports.build(programme.id(), year, internal);
    List<Integer> years = new ArrayList<>(new TreeSet<>(years(all)));
    if (!years.contains(year)) {
      years.add(year);
      years.sort(null);
    }
    Map<String, Overview.Pillar> pillars = new LinkedHashMap<>();
    Map<String, Map<String, List<Overview.IndicatorRow>>> rows = new LinkedHashMap<>();
    Map<String, String> pillarNumbers = new LinkedHashMap<>();
    Map<String, List<Figure>> byIndicator = all.stream().collect(Collectors.groupingBy(Figure::indicator));
    for (YearlyReport.Row row : report.rows()) {
      pillarNumbers.putIfAbsent(row.pillar(), row.number().substring(0, row.number().indexOf('.')));
      rows.computeIfAbsent(row.pillar(), p -> new LinkedHashMap<>())
          .computeIfAbsent(row.intervention(), i -> new ArrayList<>())
          .add(indicator(programme, row, year, years, byIndicator.getOrDefault(row.indicator(), List.of()), report));
    }
    rows.forEach((pillar, interventions) -> pillars.put(pillar, new Overview.Pillar(pillarNumbers.get(pillar),
        pillar, interventions.entrySet().stream()
        .map(e -> new Overview.Intervention(e.getKey(), List.copyOf(e.getValue()))).toList())));
    return new Overview(programme.id(), programme.name(), year, List.copyOf(years), internal, report.notice(),
        StatusRule.EXPLANATION, programme.wijken().stream().map(Programme.Wijk::name).toList(),
        List.copyOf(pillars.values()));
  }

  private Overview.IndicatorRow indicator(Programme programme, YearlyReport.Row row, int year, List<Integer> years,
      List<Figure> all, YearlyReport report) {
    WijkPeriodTable table = IndicatorTables.yearly(programme, row.indicator(), all);
    TableCells<WijkPeriodTable.Key> cells = table.cells();
    Map<WijkPeriodTable.Key, Shown> shown = report.internal() ? Map.of() : suppression.protect(cells);
    String period = String.valueOf(year);
    List<String> wijken = new ArrayList<>();
    for (Programme.Wijk wijk : programme.wijken()) {
      wijken.add(cell(cells, shown, new WijkPeriodTable.Key(wijk.code(), period), report.threshold()));
    }
    String wijkTotal = cell(cells, shown, new WijkPeriodTable.Key(WijkPeriodTable.TOTAL, period),
        report.threshold());
    List<String> trend = new ArrayList<>();
    for (int y : years) {
      trend.add(y == year ? chartValue(row.realised(), row.shown())
          : chartValue(programme, row.indicator(), y, all, table, cells, shown, report.internal()));
    }
    return new Overview.IndicatorRow(row.number(), row.indicator(), row.description(), row.unit(),
        CellText.figure(row.realised(), row.shown(), report.threshold()),
        row.realised() == null ? "" : row.wholeProgramme() ? "heel programma" : "som van de wijken",
        row.target() == null ? "" : CellText.number(row.target()) + " (" + row.targetPeriod() + ")",
        row.status().label(), List.copyOf(wijken), wijkTotal, String.join(",", trend));
  }

  /** Another year's value for the chart, chosen and protected the way the report chooses the year's figure. */
  private String chartValue(Programme programme, String indicator, int year, List<Figure> all,
      WijkPeriodTable table, TableCells<WijkPeriodTable.Key> cells, Map<WijkPeriodTable.Key, Shown> shown,
      boolean internal) {
    String period = String.valueOf(year);
    Optional<Count> whole = IndicatorTables.wholeProgramme(indicator, period, all);
    if (whole.isPresent()) {
      return chartValue(whole.get(), internal ? Shown.VALUE
          : IndicatorTables.wholeProgrammeShown(whole.get(), period, table, shown, suppression));
    }
    if (!table.periods().contains(period)) {
      return "";
    }
    WijkPeriodTable.Key total = new WijkPeriodTable.Key(WijkPeriodTable.TOTAL, period);
    return chartValue(cells.value(total), shown.getOrDefault(total, Shown.VALUE));
  }

  private static String chartValue(Count value, Shown shown) {
    return value == null || shown != Shown.VALUE || !value.exact() ? "" : CellText.number(value.min())
        .replace(',', '.');
  }

  private static String cell(TableCells<WijkPeriodTable.Key> cells,
      Map<WijkPeriodTable.Key, Shown> shown, WijkPeriodTable.Key key, int threshold) {
    return cells.has(key) ? CellText.figure(cells.value(key), shown.getOrDefault(key, Shown.VALUE), threshold) : "";
  }

  private static List<Integer> years(List<Figure> all) {
    return List.copyOf(new TreeSet<>(all.stream().map(Figure::period).filter(p -> p.length() == 4)
        .map(Integer::valueOf).toList()));
  }
}
