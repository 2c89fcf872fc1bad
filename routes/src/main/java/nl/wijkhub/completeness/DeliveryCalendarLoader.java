package nl.wijkhub.completeness;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataException;
import nl.wijkhub.reference.ReferenceDataLoader;
import nl.wijkhub.reference.YamlReader;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads {@code delivery-calendar.yaml} beside the reference data and checks it against programmes, partners and
 * indicators, reporting every problem at once with the file, the entry and the fix. A missing file is an empty
 * calendar: nothing is expected and nobody is reminded.
 */
public class DeliveryCalendarLoader {

  static final String FILE = "delivery-calendar.yaml";

  record File(List<ProgrammeEntry> programmes, List<MembershipEntry> memberships, List<FigureEntry> figures,
      List<FollowUpEntry> followUps, List<String> reminders) {}

  record ProgrammeEntry(String programme, String start) {}

  record MembershipEntry(String partner, String joined, String left) {}

  record FigureEntry(String programme, String indicator, String every, String due, List<String> partners) {}

  record FollowUpEntry(String programme, String indicator, String interventionStart, String measureAfter,
      String due, List<String> partners) {}

  private final YamlReader yaml;

  public DeliveryCalendarLoader(ResourceLoader resources) {
    this.yaml = new YamlReader(resources);
  }

  /** The calendar; empty (nothing expected, nobody reminded) when the file is missing or holds no entries. */
  public DeliveryCalendar load(String location, ReferenceData reference) {
    String path = ReferenceDataLoader.fileIn(location, FILE);
    DeliveryCalendar empty = new DeliveryCalendar(Map.of(), Map.of(), List.of(), List.of(), List.of());
    if (!yaml.exists(path)) {
      return empty;
    }
    return yaml.read(path, File.class, "").map(file -> new Checker(reference).check(file)).orElse(empty);
  }

  /** Turns the raw entries into the calendar, collecting every problem. */
  private static final class Checker {

    private final ReferenceData reference;
    private final List<String> problems = new ArrayList<>();

    Checker(ReferenceData reference) {
      this.reference = reference;
    }

    DeliveryCalendar check(File file) {
      Map<String, LocalDate> starts = new HashMap<>();
      for (ProgrammeEntry p : list(file.programmes())) {
        String entry = FILE + ", programme '" + p.programme() + "': ";
        if (reference.programmes().stream().noneMatch(known -> known.id().equals(p.programme()))) {
          problems.add(entry + "not in programmes.yaml; correct the programme id");
        }
        LocalDate start = date(entry, "start", p.start(), true);
        if (start != null && starts.put(p.programme(), start) != null) {
          problems.add(entry + "listed twice; keep one start date");
        }
      }
      Map<String, DeliveryCalendar.Membership> memberships = new HashMap<>();
      for (MembershipEntry m : list(file.memberships())) {
        String entry = FILE + ", membership of '" + m.partner() + "': ";
        if (reference.partner(m.partner()).isEmpty()) {
          problems.add(entry + "no such partner in partners.yaml; correct the partner id");
        }
        LocalDate joined = date(entry, "joined", m.joined(), false);
        LocalDate left = date(entry, "left", m.left(), false);
        if (joined != null && left != null && left.isBefore(joined)) {
          problems.add(entry + "left (" + left + ") is before joined (" + joined + "); swap or correct the dates");
        }
        if (memberships.put(m.partner(), new DeliveryCalendar.Membership(joined, left)) != null) {
          problems.add(entry + "listed twice; give one joined/left pair per partner");
        }
      }
      List<DeliveryCalendar.Recurring> recurring = new ArrayList<>();
      for (FigureEntry f : list(file.figures())) {
        String entry = FILE + ", figure '" + f.indicator() + "' of '" + f.programme() + "': ";
        List<String> partners = partners(entry, f.programme(), f.indicator(), f.partners(), starts);
        Periods.Every every = every(entry, f.every());
        Period due = period(entry, "due", f.due(), true);
        if (partners != null && every != null && due != null) {
          recurring.add(new DeliveryCalendar.Recurring(f.programme(), f.indicator(), partners, every, due));
        }
      }
      List<DeliveryCalendar.FollowUp> followUps = new ArrayList<>();
      for (FollowUpEntry f : list(file.followUps())) {
        String entry = FILE + ", follow-up '" + f.indicator() + "' of '" + f.programme() + "': ";
        List<String> partners = partners(entry, f.programme(), f.indicator(), f.partners(), starts);
        LocalDate start = date(entry, "interventionStart", f.interventionStart(), true);
        Period after = period(entry, "measureAfter", f.measureAfter(), true);
        Period due = period(entry, "due", f.due(), true);
        if (partners != null && start != null && after != null && due != null) {
          followUps.add(new DeliveryCalendar.FollowUp(f.programme(), f.indicator(), partners, start, after, due));
        }
      }
      List<Period> offsets = new ArrayList<>();
      for (String reminder : list(file.reminders())) {
        Period offset = period(FILE + ", reminders: ", "offset", reminder, false);
        if (offset != null) {
          offsets.add(offset);
        }
      }
      if (!problems.isEmpty()) {
        throw new ReferenceDataException(problems);
      }
      return new DeliveryCalendar(starts, memberships, recurring, followUps, offsets);
    }

    /** The partners that owe the figure: those named, or else every partner allowed to deliver it. */
    private List<String> partners(String entry, String programme, String code, List<String> named,
        Map<String, LocalDate> starts) {
      Indicator indicator = reference.indicator(programme, code).orElse(null);
      if (indicator == null) {
        problems.add(entry + "indicator '" + code + "' is not an indicator of '" + programme + "' in indicators.yaml;"
            + " correct the code or the programme");
        return null;
      }
      if (!starts.containsKey(programme)) {
        problems.add(entry + "programme '" + programme + "' has no start under 'programmes:'; add it with the first"
            + " day figures are owed");
      }
      List<Partner> candidates = reference.partners().stream().filter(p -> p.programme().equals(programme)
          && indicator.deliverableBy(p.id())).toList();
      if (named == null || named.isEmpty()) {
        return candidates.stream().map(Partner::id).sorted().toList();
      }
      for (String partner : named) {
        if (candidates.stream().noneMatch(p -> p.id().equals(partner))) {
          problems.add(entry + "partner '" + partner + "' may not deliver this indicator (deliveredBy in"
              + " indicators.yaml: " + indicator.deliveredBy() + "); correct the id or leave 'partners' out");
        }
      }
      return List.copyOf(named);
    }

    private Periods.Every every(String entry, String every) {
      return switch (every == null ? "" : every.toLowerCase(Locale.ROOT)) {
        case "year" -> Periods.Every.YEAR;
        case "quarter" -> Periods.Every.QUARTER;
        case "month" -> Periods.Every.MONTH;
        default -> {
          problems.add(entry + "every '" + every + "' is not a period length; write year, quarter or month");
          yield null;
        }
      };
    }

    private LocalDate date(String entry, String key, String value, boolean required) {
      if (value == null || value.isBlank()) {
        if (required) {
          problems.add(entry + "'" + key + "' is missing; write a date as 2024-01-31");
        }
        return null;
      }
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        problems.add(entry + "'" + key + "' is '" + value + "', not a date; write it as 2024-01-31");
        return null;
      }
    }

    /** An ISO-8601 period such as P31D or P6M; {@code nonNegative} for durations after an event. */
    private Period period(String entry, String key, String value, boolean nonNegative) {
      try {
        Period period = Period.parse(value == null ? "" : value.strip());
        if (nonNegative && period.isNegative()) {
          problems.add(entry + "'" + key + "' is negative (" + value + "); write a time after the event, e.g. P31D");
          return null;
        }
        return period;
      } catch (DateTimeParseException e) {
        problems.add(entry + "'" + key + "' is '" + value + "', not a period; write it as P31D (days), P6M"
            + " (months) or -P14D (before)");
        return null;
      }
    }

    private static <T> List<T> list(List<T> list) {
      return list == null ? List.of() : list;
    }
  }
}
