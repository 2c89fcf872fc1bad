package nl.wijkhub.counts;

import nl.wijkhub.delivery.Column;
import nl.wijkhub.delivery.Layout;

/** The columns of a count delivery, named as partners write them in the header (see docs/aanleveren.md). */
public final class CountColumns {

  private static final Layout.Builder BUILDER = Layout.builder("cijfer", "cijfers");
  public static final Column INDICATOR = BUILDER.required("indicator");
  public static final Column WIJK = BUILDER.required("wijk");
  /** A spreadsheet date here stands for its month: Excel turns {@code 2024-09} typed in a cell into a date. */
  public static final Column PERIODE = BUILDER.add("periode", true, Column.CellText.MONTH);
  public static final Column WAARDE = BUILDER.required("waarde");
  public static final Column TOELICHTING = BUILDER.optional("toelichting");
  /** Columns of the signal template: a file with one is signals sent down the counts path, never taken. */
  public static final Layout LAYOUT = BUILDER.refusing("bsn", "naam", "geboortedatum", "adres").build();

  private CountColumns() {}
}
