package nl.wijkhub.report;

import java.math.BigDecimal;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.dashboard.Shown;

/** How the report writes a figure and any text, the same in CSV and XLSX. */
public final class CellText {

  private CellText() {}

  /**
   * Text a spreadsheet would read as a formula or control (leading {@code =}, {@code +}, {@code -}, {@code @}, tab
   * or carriage return) gets a leading apostrophe, so that it stays text; OWASP's advice for CSV injection.
   */
  public static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + text : text;
  }

  /** The realised figure as the reader of this version may see it. */
  public static String figure(Count value, Shown shown, int threshold) {
    if (value == null) {
      return "geen cijfer";
    }
    return switch (shown) {
      case SMALL -> "<" + threshold;
      case HIDDEN -> "×";
      case VALUE -> value.exact() ? number(value.min()) : number(value.min()) + " tot " + number(value.max());
    };
  }

  /** A number in Dutch notation without grouping: {@code 1521}, {@code 2,5}. */
  public static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replace('.', ',');
  }

  static String basis(YearlyReport.Row row) {
    if (row.realised() == null) {
      return "";
    }
    return row.wholeProgramme() ? "heel programma" : "som van de wijken";
  }
}
