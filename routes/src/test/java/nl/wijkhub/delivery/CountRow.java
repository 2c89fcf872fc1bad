package nl.wijkhub.delivery;

import static nl.wijkhub.counts.CountColumns.INDICATOR;
import static nl.wijkhub.counts.CountColumns.PERIODE;
import static nl.wijkhub.counts.CountColumns.TOELICHTING;
import static nl.wijkhub.counts.CountColumns.WAARDE;
import static nl.wijkhub.counts.CountColumns.WIJK;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link RawRow} of the count layout with named cells, so that reader tests state expected rows as partners write
 * them. Counts are the readers' richest real layout, so they stand in for every kind here.
 */
public record CountRow(long line, String indicator, String wijk, String periode, String waarde, boolean exactValue,
    String toelichting, int extraFields, List<Problem> cellProblems) {

  public CountRow(long line, String indicator, String wijk, String periode, String waarde, boolean exactValue,
      String toelichting, int extraFields) {
    this(line, indicator, wijk, periode, waarde, exactValue, toelichting, extraFields, List.of());
  }

  public static CountRow of(RawRow row) {
    return new CountRow(row.line(), row.text(INDICATOR), row.text(WIJK), row.text(PERIODE), row.text(WAARDE),
        row.number(WAARDE), row.text(TOELICHTING), row.extraFields(), row.cellProblems());
  }

  /** The row as the reader would have given it. */
  public RawRow toRaw() {
    String[] values = new String[5];
    values[INDICATOR.index()] = indicator;
    values[WIJK.index()] = wijk;
    values[PERIODE.index()] = periode;
    values[WAARDE.index()] = waarde;
    values[TOELICHTING.index()] = toelichting;
    return new RawRow(line, Arrays.asList(values), exactValue ? 1L << WAARDE.index() : 0, extraFields, cellProblems);
  }

  public boolean isBlank() {
    return toRaw().isBlank();
  }
}
