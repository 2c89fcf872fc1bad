package nl.wijkhub.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import nl.wijkhub.completeness.Arrivals;
import nl.wijkhub.completeness.CompletenessMatrix;
import nl.wijkhub.completeness.DeliveryCalendar;
import nl.wijkhub.completeness.Expectation;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.reference.ReferenceData;

/**
 * Builds the completeness page from the delivery calendar and the arrivals: only what the calendar expects is
 * listed, so a partner outside its membership never appears and a share never passes 100 %.
 */
final class CompletenessViews {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", DUTCH);

  private final ReferenceData reference;
  private final DeliveryCalendar calendar;
  private final Arrivals arrivals;
  private final Clock clock;
  private final ZoneId zone;

  CompletenessViews(ReferenceData reference, DeliveryCalendar calendar, Arrivals arrivals, Clock clock,
      ZoneId zone) {
    this.reference = reference;
    this.calendar = calendar;
    this.arrivals = arrivals;
    this.clock = clock;
    this.zone = zone;
  }

  /** The years with expected figures, latest last; this year when there are none yet. */
  List<Integer> years(String programme) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    TreeSet<Integer> years = new TreeSet<>();
    calendar.expected(programme, today).forEach(e -> years.add(year(e)));
    if (years.isEmpty()) {
      years.add(today.getYear());
    }
    return List.copyOf(years);
  }

  Completeness build(Programme programme, int year) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    List<Expectation> expected = calendar.expected(programme.id(), today).stream().filter(e -> year(e) == year)
        .toList();
    CompletenessMatrix matrix = CompletenessMatrix.of(expected, arrivals.arrivals(programme.id()), today, zone);
    Map<String, List<Completeness.Line>> lines = new LinkedHashMap<>();
    for (CompletenessMatrix.Cell cell : matrix.cells()) {
      Expectation e = cell.expected();
      lines.computeIfAbsent(e.partner(), p -> new ArrayList<>()).add(new Completeness.Line(
          reference.indicator(programme.id(), e.indicator()).map(Indicator::name).orElse(e.indicator()),
          e.indicator(), e.period(), e.followUp(), DATE.format(e.due()), cell.state().label(), style(cell.state()),
          cell.arrivedAt() == null ? "" : MOMENT.format(cell.arrivedAt().atZone(zone)),
          cell.channel() == null ? "" : channel(cell.channel())));
    }
    List<Completeness.PartnerBlock> partners = new ArrayList<>();
    lines.forEach((partner, owed) -> partners.add(new Completeness.PartnerBlock(partner,
        reference.partner(partner).map(Partner::name).orElse(partner), percent(matrix.completeness(partner)),
        List.copyOf(owed))));
    return new Completeness(programme.id(), programme.name(), year, years(programme.id()),
        percent(matrix.completeness()), List.copyOf(partners));
  }

  /** How a channel is called on the page; the receipt's own name when it is not one of the hub's. */
  static String channel(String channel) {
    return switch (channel) {
      case "FILE" -> "map";
      case "SFTP" -> "SFTP";
      case "EMAIL" -> "e-mail";
      case "API" -> "API";
      default -> channel;
    };
  }

  private static String style(CompletenessMatrix.State state) {
    return switch (state) {
      case ON_TIME -> "op-tijd";
      case LATE -> "te-laat";
      case MISSING -> "ontbreekt";
      case OPEN -> "open";
    };
  }

  private static String percent(double share) {
    return Math.round(share * 100) + " %";
  }

  /** The year a period belongs to: its first four characters (2024, 2024-Q3, 2024-09). */
  private static int year(Expectation e) {
    return Integer.parseInt(e.period().substring(0, 4));
  }
}
