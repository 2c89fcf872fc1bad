package nl.wijkhub.counts;

import java.util.Locale;

/** Reads {@code periode}: a year ({@code 2024}), a quarter ({@code 2024-Q3}) or a month ({@code 2024-09}). */
final class PeriodParser {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private PeriodParser() {}

  /** The normalised period, or null when the text is not a period. */
  static String parse(String written) {
    String text = written.strip().toUpperCase(Locale.ROOT);
    if (text.length() < 4 || !isDigits(text, 0, 4)) {
      return null;
    }
    int year = Integer.parseInt(text.substring(0, 4));
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      return null;
    }
    if (text.length() == 4) {
      return text;
    }
    if (text.length() == 7 && text.charAt(4) == '-' && text.charAt(5) == 'Q' && text.charAt(6) >= '1'
        && text.charAt(6) <= '4') {
      return text;
    }
    if (text.length() == 7 && text.charAt(4) == '-' && isDigits(text, 5, 7)) {
      int month = Integer.parseInt(text.substring(5));
      return month >= 1 && month <= 12 ? text : null;
    }
    return null;
  }

  private static boolean isDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
