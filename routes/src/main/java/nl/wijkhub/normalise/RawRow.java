package nl.wijkhub.normalise;

import java.util.List;

/**
 * One row as read, before validation: the five fields as text. {@code extraFields} is positive when the row had
 * more cells than the header and negative when it had fewer.
 *
 * @param exactValue true when {@code waarde} came as a number (JSON, a spreadsheet cell), so its decimal point is
 *     never a thousands sign
 * @param cellProblems what the reader found wrong in a cell that has no text to validate (a spreadsheet formula
 *     without a stored result); a row with any is rejected with them and not validated
 */
public record RawRow(
    long line,
    String indicator,
    String wijk,
    String periode,
    String waarde,
    boolean exactValue,
    String toelichting,
    int extraFields,
    List<Problem> cellProblems) {

  public RawRow {
    cellProblems = List.copyOf(cellProblems);
  }

  /** A row whose every cell could be read as text. */
  public RawRow(long line, String indicator, String wijk, String periode, String waarde, boolean exactValue,
      String toelichting, int extraFields) {
    this(line, indicator, wijk, periode, waarde, exactValue, toelichting, extraFields, List.of());
  }

  public boolean isBlank() {
    return cellProblems.isEmpty() && isEmpty(indicator) && isEmpty(wijk) && isEmpty(periode) && isEmpty(waarde)
        && isEmpty(toelichting);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isBlank();
  }
}
