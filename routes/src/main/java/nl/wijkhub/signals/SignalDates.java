package nl.wijkhub.signals;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as partners write them: {@code 2026-11-30} (ISO, and a spreadsheet date) or {@code 30-11-2026} (Dutch). */
final class SignalDates {

  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern DUTCH = Pattern.compile("(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})");

  private SignalDates() {}

  /** The date, or null when the text is no valid date. */
  static LocalDate parse(String written) {
    if (written == null) {
      return null;
    }
    String text = written.strip();
    try {
      Matcher iso = ISO.matcher(text);
      if (iso.matches()) {
        return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
            Integer.parseInt(iso.group(3)));
      }
      Matcher dutch = DUTCH.matcher(text);
      if (dutch.matches()) {
        return LocalDate.of(Integer.parseInt(dutch.group(3)), Integer.parseInt(dutch.group(2)),
            Integer.parseInt(dutch.group(1)));
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }
}
