package nl.wijkhub.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.dashboard.FigureSource.Figure;
import nl.wijkhub.dashboard.IndicatorTables;
import nl.wijkhub.dashboard.Shown;
import nl.wijkhub.dashboard.Status;
import nl.wijkhub.dashboard.StatusRule;
import nl.wijkhub.dashboard.Suppression;
import nl.wijkhub.dashboard.TableCells;
import nl.wijkhub.dashboard.Target;
import nl.wijkhub.dashboard.WijkPeriodTable;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.reference.ReferenceData;

/**
 * Fills the "Wat is bereikt" table from the figures. The realised value of a year is the figure delivered for the
 * whole programme when there is one, else the sum of the wijken: the two are never added. In the public version
 * the value is protected with the same table the dashboard publishes for the indicator, so both hide the same.
 */
public final class YearlyReportBuilder {

  private final ReferenceData reference;
  private final ReportLayout layout;
  private final FigureSource figures;
  private final Suppression suppression;
  private final Clock clock;

  public YearlyReportBuilder(ReferenceData reference, ReportLayout layout, FigureSource figures,
      Suppression suppression, Clock clock) {
    this.reference = reference;
    this.layout = layout;
    this.figures = figures;
    this.suppression = suppression;
    this.clock = clock;
  }

  public YearlyReport build(String programmeId, int year, boolean internal) {
    Programme programme = reference.programmes().stream().filter(p -> p.id().equals(programmeId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown programme " + programmeId));
    // Per indicator once, so that each row looks at its own figures rather than the whole programme's.
    Map<String, List<Figure>> byIndicator = figures.figures(programmeId).stream()
        .collect(Collectors.groupingBy(Figure::indicator));
    LocalDate asOf = min(LocalDate.of(year, 12, 31), LocalDate.now(clock));
    Map<String, Integer> pillarNumbers = pillarNumbers(programmeId);
    Map<String, Integer> positions = new LinkedHashMap<>();
    List<YearlyReport.Row> rows = new ArrayList<>();
    for (Indicator indicator : reference.indicators(programmeId)) {
      int pillarNumber = pillarNumbers.get(indicator.pillar());
      int position = positions.merge(indicator.pillar(), 1, Integer::sum);
      List<Figure> own = byIndicator.getOrDefault(indicator.code(), List.of());
      Realised realised = realised(programme, indicator.code(), String.valueOf(year), own, internal);
      Target target = target(indicator, year, own);
      Status status = status(indicator, realised, target, programme, own, asOf);
      rows.add(new YearlyReport.Row(pillarNumber + "." + position, indicator.pillar(), indicator.intervention(),
          layout.outcome(programmeId, indicator.pillar(), indicator.intervention()), indicator.code(),
          indicator.name(), indicator.unit(), realised == null ? null : realised.value(),
          realised == null ? Shown.VALUE : realised.shown(), realised != null && realised.wholeProgramme(),
          indicator.target() == null ? null : indicator.target().value(),
          indicator.target() == null ? null : indicator.target().period(), status));
    }
    rows.sort(java.util.Comparator.comparingInt((YearlyReport.Row r) -> pillarNumbers.get(r.pillar())));
    return new YearlyReport(programmeId, programme.name(), year, internal, suppression.threshold(), rows);
  }

  private record Realised(Count value, Shown shown, boolean wholeProgramme) {}

  /** The year's figure and what a reader of this version may see of it; null when nothing was delivered. */
  private Realised realised(Programme programme, String indicator, String year, List<Figure> all, boolean internal) {
    Optional<Count> whole = IndicatorTables.wholeProgramme(indicator, year, all);
    WijkPeriodTable table = IndicatorTables.yearly(programme, indicator, all);
    TableCells<WijkPeriodTable.Key> cells = table.cells();
    Map<WijkPeriodTable.Key, Shown> shown = internal ? Map.of() : suppression.protect(cells);
    if (whole.isPresent()) {
      return new Realised(whole.get(), internal ? Shown.VALUE
          : IndicatorTables.wholeProgrammeShown(whole.get(), year, table, shown, suppression), true);
    }
    if (!table.periods().contains(year)) {
      return null;
    }
    WijkPeriodTable.Key total = new WijkPeriodTable.Key(WijkPeriodTable.TOTAL, year);
    return new Realised(cells.value(total), shown.getOrDefault(total, Shown.VALUE), false);
  }

  /**
   * The status from the true figures; a reader who sees "&lt;5" or "×" gets "niet te bepalen", so that the status
   * says nothing more about a hidden cell than the cell itself.
   */
  private Status status(Indicator indicator, Realised realised, Target target, Programme programme,
      List<Figure> all, LocalDate asOf) {
    if (target == null) {
      return Status.GEEN_STREEFWAARDE;
    }
    if (realised != null && realised.shown() != Shown.VALUE) {
      return Status.ONBEPAALD;
    }
    Count sinceStart = null;
    LocalDate until = min(asOf, target.due());
    for (int y = target.start().getYear(); y <= until.getYear(); y++) {
      Realised ofYear = realised(programme, indicator.code(), String.valueOf(y), all, true);
      if (ofYear != null) {
        sinceStart = sinceStart == null ? ofYear.value() : sinceStart.plus(ofYear.value());
      }
    }
    return StatusRule.assess(sinceStart, target, asOf);
  }

  /**
   * The target's window: from the first year with a figure (or the report year, or the target's own year if earlier)
   * to the end of the target's year. Targets are set per year in indicators.yaml.
   */
  private static Target target(Indicator indicator, int year, List<Figure> all) {
    if (indicator.target() == null) {
      return null;
    }
    int due = Integer.parseInt(indicator.target().period().substring(0, 4));
    int first = all.stream().filter(f -> f.indicator().equals(indicator.code()))
        .mapToInt(f -> Integer.parseInt(f.period().substring(0, 4))).min().orElse(year);
    int start = Math.min(due, Math.min(first, year));
    return new Target(indicator.target().value(), LocalDate.of(start, 1, 1), LocalDate.of(due, 12, 31));
  }

  /** Numbers from report.yaml; pillars it does not list follow in catalogue order. */
  private Map<String, Integer> pillarNumbers(String programme) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    int next = layout.pillars().stream().filter(p -> p.programme().equals(programme))
        .mapToInt(ReportLayout.PillarLayout::number).max().orElse(0) + 1;
    for (Indicator indicator : reference.indicators(programme)) {
      if (!numbers.containsKey(indicator.pillar())) {
        Optional<ReportLayout.PillarLayout> listed = layout.pillar(programme, indicator.pillar());
        numbers.put(indicator.pillar(), listed.isPresent() ? listed.get().number() : next++);
      }
    }
    return numbers;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
