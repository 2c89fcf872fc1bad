package nl.wijkhub.delivery;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One row as read, before validation: the text of each column of the kind's {@link Layout}, by the column's index.
 * {@code extraFields} is positive when the row had more cells than the header and negative when it had fewer.
 *
 * @param values the cell texts by column index; null where the row has no such cell
 * @param numbers bit {@code i} set when column {@code i}'s value came as a number (JSON, a spreadsheet cell), so that
 *     its decimal point is never a thousands sign (a layout has far fewer than 64 columns)
 * @param cellProblems what the reader found wrong in a cell that has no text to validate (a spreadsheet formula
 *     without a stored result); a row with any is rejected with them and not validated
 */
public record RawRow(long line, List<String> values, long numbers, int extraFields, List<Problem> cellProblems) {

  public RawRow {
    values = Collections.unmodifiableList(values);
    cellProblems = List.copyOf(cellProblems);
  }

  /** A row of text cells only, as a CSV line gives it. */
  public static RawRow ofText(long line, String[] values, int extraFields) {
    return new RawRow(line, Arrays.asList(values), 0, extraFields, List.of());
  }

  /** The column's text, or null when the row has none. */
  public String text(Column column) {
    return values.get(column.index());
  }

  /** True when the column's value came as a number. */
  public boolean number(Column column) {
    return (numbers & (1L << column.index())) != 0;
  }

  /** Asked of every row: a loop, since a stream per row was a noticeable share of a large delivery's garbage. */
  public boolean isBlank() {
    if (!cellProblems.isEmpty()) {
      return false;
    }
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
