package nl.wijkhub.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.dashboard.Shown;
import nl.wijkhub.dashboard.SignalCountSource;
import nl.wijkhub.dashboard.SignalCountSource.SignalCount;
import nl.wijkhub.dashboard.Suppression;
import nl.wijkhub.dashboard.TableCells;
import nl.wijkhub.dashboard.WijkPeriodTable;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.report.CellText;

/**
 * Builds the signals page of a programme for a year: per covenant of the programme and per signal type a table of
 * wijken by month, each signal counted once in the month of its date. Months add up (a signal has one date), so
 * the table has totals per wijk and per month; outside programme staff the whole table is protected by {@link
 * Suppression}, totals included.
 */
final class SignalOverviewBuilder {

  private static final String[] SHORT_MONTHS = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep",
      "okt", "nov", "dec"};
  private static final String[] MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
      "augustus", "september", "oktober", "november", "december"};
  private static final String UNKNOWN_LABEL = "wijk onbekend";

  /** What the public page shows for a month it does not publish yet. */
  static final String NOT_YET_PUBLIC = "–";

  private final ReferenceData reference;
  private final Covenants covenants;
  private final SignalCountSource counts;
  private final Suppression suppression;
  private final Duration publicDelay;
  private final Clock clock;

  SignalOverviewBuilder(ReferenceData reference, Covenants covenants, SignalCountSource counts,
      Suppression suppression, Duration publicDelay, Clock clock) {
    this.reference = reference;
    this.covenants = covenants;
    this.counts = counts;
    this.suppression = suppression;
    this.publicDelay = publicDelay;
    this.clock = clock;
  }

  /**
   * @param year the year asked for, or null for the latest year with signals (this year when there are none)
   */
  SignalOverview build(Programme programme, Integer year, boolean internal) {
    // The public page knows nothing of a month it does not publish yet, not even that a year has begun to count.
    Optional<YearMonth> publicUntil = internal ? Optional.empty() : Optional.of(lastPublicMonth());
    Map<String, List<SignalCount>> byCovenant = new LinkedHashMap<>();
    boolean available = true;
    for (String covenant : covenantsOf(programme)) {
      Optional<List<SignalCount>> current = counts.counts(covenant);
      available &= current.isPresent();
      byCovenant.put(covenant, current.orElse(List.of()).stream()
          .filter(c -> publicUntil.map(last -> !c.month().isAfter(last)).orElse(true)).toList());
    }
    TreeSet<Integer> years = new TreeSet<>();
    byCovenant.values().forEach(list -> list.forEach(c -> years.add(c.month().getYear())));
    int shown = year != null ? year : !years.isEmpty() ? years.last()
        : publicUntil.map(YearMonth::getYear).orElse(LocalDate.now(clock).getYear());
    years.add(shown);
    List<SignalOverview.Covenant> sections = new ArrayList<>();
    YearMonth lastPublic = publicUntil.orElse(YearMonth.of(shown, 12));
    byCovenant.forEach((covenant, list) -> sections.add(new SignalOverview.Covenant(covenant, name(covenant),
        tables(programme, shown, list, internal, lastPublic))));
    List<SignalOverview.Month> months = IntStream.range(0, 12)
        .mapToObj(m -> new SignalOverview.Month(SHORT_MONTHS[m], MONTHS[m])).toList();
    return new SignalOverview(programme.id(), programme.name(), shown, List.copyOf(years), internal, available,
        notice(internal, lastPublic), months, List.copyOf(sections));
  }

  /** The last month whose counts the public page shows: one that ended at least the public delay ago. */
  private YearMonth lastPublicMonth() {
    YearMonth month = YearMonth.now(clock);
    while (month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).plus(publicDelay)
        .isAfter(clock.instant().atZone(ZoneOffset.UTC))) {
      month = month.minusMonths(1);
    }
    return month;
  }

  /** The covenants whose recipients (the MultiTeam, the case meeting) work for this programme (partners.yaml). */
  List<String> covenantsOf(Programme programme) {
    return covenants.ids().stream().sorted()
        .filter(id -> covenants.versions(id).stream().flatMap(v -> v.recipients().stream())
            .map(r -> reference.partner(r.partner()).map(Partner::programme).orElse(""))
            .anyMatch(programme.id()::equals))
        .toList();
  }

  private String name(String covenant) {
    List<CovenantVersion> versions = covenants.versions(covenant);
    return versions.get(versions.size() - 1).covenantName();
  }

  private List<SignalOverview.TypeTable> tables(Programme programme, int year, List<SignalCount> all,
      boolean internal, YearMonth lastPublic) {
    Map<String, List<SignalCount>> byType = all.stream().filter(c -> c.month().getYear() == year)
        .collect(Collectors.groupingBy(SignalCount::signalType, TreeMap::new, Collectors.toList()));
    List<SignalOverview.TypeTable> tables = new ArrayList<>();
    byType.forEach((type, list) -> tables.add(table(programme, year, type, list, internal, lastPublic)));
    return tables;
  }

  SignalOverview.TypeTable table(Programme programme, int year, String type, List<SignalCount> list,
      boolean internal, YearMonth lastPublic) {
    Map<String, String> labels = new LinkedHashMap<>();
    programme.wijken().forEach(w -> labels.put(w.code(), w.name()));
    Map<WijkPeriodTable.Key, Long> sums = new LinkedHashMap<>();
    for (SignalCount count : list) {
      String wijk = labels.containsKey(count.wijk()) ? count.wijk() : SignalCount.UNKNOWN_WIJK;
      sums.merge(new WijkPeriodTable.Key(wijk, count.month().toString()), count.count(), Long::sum);
    }
    if (sums.keySet().stream().anyMatch(k -> k.row().equals(SignalCount.UNKNOWN_WIJK))) {
      labels.put(SignalCount.UNKNOWN_WIJK, UNKNOWN_LABEL);
    }
    // Only the months shown: a month not yet public is no part of the table, so no total gives it away.
    List<String> months = IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(year, m))
        .filter(m -> !m.isAfter(lastPublic)).map(YearMonth::toString).toList();
    WijkPeriodTable table = new WijkPeriodTable(List.copyOf(labels.keySet()), months, true);
    // No signal in a month is a count of 0, not a missing figure: every cell is filled.
    for (String wijk : labels.keySet()) {
      for (String month : months) {
        table.put(wijk, month, Count.of(sums.getOrDefault(new WijkPeriodTable.Key(wijk, month), 0L)));
      }
    }
    TableCells<WijkPeriodTable.Key> cells = table.cells();
    Map<WijkPeriodTable.Key, Shown> shown = internal ? Map.of() : suppression.protect(cells);
    List<SignalOverview.Row> rows = new ArrayList<>();
    labels.forEach((wijk, label) -> rows.add(row(wijk, label, months, cells, shown)));
    rows.add(row(WijkPeriodTable.TOTAL, "alle wijken", months, cells, shown));
    rows.replaceAll(SignalOverviewBuilder::twelveMonths);
    return new SignalOverview.TypeTable(type, label(type), List.copyOf(rows));
  }

  private SignalOverview.Row row(String wijk, String label, List<String> months,
      TableCells<WijkPeriodTable.Key> cells, Map<WijkPeriodTable.Key, Shown> shown) {
    List<String> values = months.stream().map(m -> cell(cells, shown, new WijkPeriodTable.Key(wijk, m))).toList();
    return new SignalOverview.Row(wijk, label, values,
        cell(cells, shown, new WijkPeriodTable.Key(wijk, WijkPeriodTable.TOTAL)));
  }

  /** Each row has a cell for every month of the header; the months not yet public read as {@link #NOT_YET_PUBLIC}. */
  private static SignalOverview.Row twelveMonths(SignalOverview.Row row) {
    List<String> values = new ArrayList<>(row.months());
    while (values.size() < 12) {
      values.add(NOT_YET_PUBLIC);
    }
    return new SignalOverview.Row(row.wijk(), row.label(), List.copyOf(values), row.total());
  }

  private String cell(TableCells<WijkPeriodTable.Key> cells, Map<WijkPeriodTable.Key, Shown> shown,
      WijkPeriodTable.Key key) {
    return CellText.figure(cells.value(key), shown.getOrDefault(key, Shown.VALUE), suppression.threshold());
  }

  /** {@code JONGERE_IN_BEELD} as "Jongere in beeld"; a code the hub does not know yet reads the same way. */
  static String label(String type) {
    String words = type.toLowerCase(Locale.ROOT).replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private String notice(boolean internal, YearMonth lastPublic) {
    String counting = "Een signaal telt één keer, in de maand van de signaaldatum en zoals het nu is: een correctie"
        + " verplaatst het, een ingetrokken signaal telt niet mee.";
    return internal ? "Exacte aantallen, alleen voor het programmabureau. " + counting
        : "Aantallen van 1 tot en met " + (suppression.threshold() - 1) + " staan als <" + suppression.threshold()
            + "; een × verbergt een aantal waaruit anders een klein aantal te berekenen is. " + counting
            + " Een maand verschijnt hier pas " + publicDelay.toDays() + " dagen nadat hij voorbij is (nu tot en met "
            + MONTHS[lastPublic.getMonthValue() - 1] + " " + lastPublic.getYear() + "); " + NOT_YET_PUBLIC
            + " is een maand die nog niet gepubliceerd is.";
  }
}
