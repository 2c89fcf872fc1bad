package nl.wijkhub.counts;

import java.util.regex.Pattern;
import nl.wijkhub.delivery.Problem;

/**
 * Reads {@code waarde} as Dutch partners write it. A decimal comma is fine ({@code 12,5}); a dot followed by digits
 * other than a group of three is a decimal point ({@code 12.5}); full Dutch notation with several thousands groups or
 * a decimal comma is read as such ({@code 1.234.567}, {@code 1.234,5}). A single separator followed by exactly three
 * digits ({@code 1.521}, {@code 1,521}) could be a thousands sign or a fraction, so it is refused rather than guessed.
 * A partner that suppresses small numbers at source writes {@code <5}: a value from 1 to 4 that it does not give.
 */
final class ValueParser {

  /**
   * A parse outcome: the value, or the reason it is not one.
   *
   * @param withheld true for {@code <5}: the partner withheld a value from 1 to 4 at source; {@code value} is then 0
   */
  record Parsed(double value, boolean withheld, String code, String message) {

    boolean ok() {
      return code == null;
    }
  }

  private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d+");
  private static final Pattern DECIMAL_POINT = Pattern.compile("\\d+\\.\\d+");
  // A thousands group never follows a leading 0: 0.521 and 0,521 can only be decimals, so they are neither grouped
  // nor ambiguous.
  private static final Pattern DUTCH_GROUPED = Pattern.compile("[1-9]\\d{0,2}(\\.\\d{3})+(,\\d+)?");
  private static final Pattern AMBIGUOUS = Pattern.compile("[1-9]\\d{0,2}[.,]\\d{3}");
  /** {@code <5}, {@code < 5}; any other bound is refused, since the dashboard's ranges assume partners use 5. */
  private static final Pattern BELOW = Pattern.compile("<\\s*(.*)");

  /** The bound partners suppress below; the same as the dashboard's {@code Count.SOURCE_THRESHOLD}. */
  static final int WITHHELD_BELOW = 5;

  private ValueParser() {}

  static Parsed parse(String written, boolean exact) {
    String text = written == null ? "" : written.strip();
    if (text.isEmpty()) {
      return problem("WAARDE_ONTBREEKT", "De waarde ontbreekt. Vul een getal in, bijvoorbeeld 18.");
    }
    if (text.startsWith("-")) {
      return problem("WAARDE_NEGATIEF", "De waarde '" + text + "' is negatief. Een telling is 0 of meer.");
    }
    var below = BELOW.matcher(text);
    if (below.matches()) {
      return withheld(below.group(1), text);
    }
    if (exact) {
      return number(text.replace(',', '.'), text);
    }
    if (plain(text)) {
      return number(text, text);
    }
    if (AMBIGUOUS.matcher(text).matches()) {
      return problem("WAARDE_DUBBELZINNIG", "De waarde '" + text + "' kan " + text.replaceAll("[.,]", "")
          + " betekenen of een getal met decimalen. Schrijf het getal zonder punt voor duizendtallen, bijvoorbeeld "
          + text.replaceAll("[.,]", "") + ".");
    }
    if (DECIMAL_COMMA.matcher(text).matches()) {
      return number(text.replace(',', '.'), text);
    }
    if (DUTCH_GROUPED.matcher(text).matches()) {
      return number(text.replace(".", "").replace(',', '.'), text);
    }
    if (DECIMAL_POINT.matcher(text).matches()) {
      return number(text, text);
    }
    return notANumber(text);
  }

  /** Only digits: the usual value, checked without a regex since every row of a delivery has one. */
  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }

  private static Parsed withheld(String bound, String written) {
    if (bound.equals(String.valueOf(WITHHELD_BELOW))) {
      return new Parsed(0, true, null, null);
    }
    return problem("WAARDE_AFGESCHERMD_ONGELDIG", "De waarde '" + Problem.excerpt(written) + "' kan de hub niet"
        + " lezen. Een aantal van 1 tot en met 4 dat jullie afschermen, schrijf je als <" + WITHHELD_BELOW
        + "; een ander aantal schrijf je helemaal uit.");
  }

  private static Parsed number(String normalised, String written) {
    try {
      double value = Double.parseDouble(normalised);
      return Double.isFinite(value) ? new Parsed(value, false, null, null) : notANumber(written);
    } catch (NumberFormatException e) {
      return notANumber(written);
    }
  }

  private static Parsed notANumber(String written) {
    return problem("WAARDE_GEEN_GETAL", "De waarde '" + Problem.excerpt(written) + "' is geen getal."
        + " Gebruik alleen cijfers, met een komma voor decimalen (12,5).");
  }

  private static Parsed problem(String code, String message) {
    return new Parsed(Double.NaN, false, code, message);
  }
}
