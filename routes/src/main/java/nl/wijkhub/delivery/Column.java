package nl.wijkhub.delivery;

/**
 * One column of a tabular delivery kind, as partners write it in the header.
 *
 * @param index position in the kind's {@link Layout}, and in every {@link RawRow} of that kind
 * @param header the name partners use, matched ignoring case and surrounding spaces
 * @param required a header without it refuses the file
 * @param cell how a spreadsheet date in this column reads as text
 */
public record Column(int index, String header, boolean required, CellText cell) {

  /** How a spreadsheet cell that holds a date becomes text. */
  public enum CellText {
    /** As typed; a date as {@code 2024-09-01}. */
    PLAIN,
    /** A date stands for its month ({@code 2024-09}): Excel turns {@code 2024-09} typed in a cell into a date. */
    MONTH
  }
}
