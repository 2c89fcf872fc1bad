package nl.wijkhub.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of one delivery kind, shared by every tabular format (CSV, JSON fields, a spreadsheet's first row), so
 * that the readers stay the same for counts and signals and only the kind names its columns.
 */
public final class Layout {

  private final List<Column> columns;
  private final String item;
  private final String items;
  private final List<String> personal;
  private final boolean quotesText;

  private Layout(List<Column> columns, String item, String items, List<String> personal, boolean quotesText) {
    this.columns = List.copyOf(columns);
    this.item = item;
    this.items = items;
    this.personal = List.copyOf(personal);
    this.quotesText = quotesText;
  }

  /**
   * Whether a message to the partner may quote text from the file (an unknown column name, the token a parser
   * stumbled on): never for a kind that carries personal data, where that text may be a name or a BSN.
   */
  public boolean quotesText() {
    return quotesText;
  }

  /**
   * @param item what one row holds, in Dutch, for messages to partners ({@code cijfer})
   * @param items the plural ({@code cijfers})
   */
  public static Builder builder(String item, String items) {
    return new Builder(item, items);
  }

  /** What one row holds, in Dutch ({@code cijfer}). */
  public String item() {
    return item;
  }

  /** What rows hold, in Dutch ({@code cijfers}). */
  public String items() {
    return items;
  }

  public List<Column> columns() {
    return columns;
  }

  public int size() {
    return columns.size();
  }

  /** The column a header cell names, ignoring case and surrounding spaces. */
  public Optional<Column> ofHeader(String cell) {
    String wanted = cell.strip().toLowerCase(Locale.ROOT);
    return columns.stream().filter(c -> c.header().equals(wanted)).findFirst();
  }

  /**
   * True when a header cell names personal data this kind must never receive ({@code bsn} in a count delivery): the
   * file is refused as a whole and deleted, never kept or quoted.
   */
  public boolean isPersonal(String cell) {
    return personal.contains(cell.strip().toLowerCase(Locale.ROOT));
  }

  /** The header line of the template, e.g. {@code indicator;wijk;periode;waarde;toelichting}. */
  public String headerLine(String separator) {
    return columns.stream().map(Column::header).collect(Collectors.joining(separator));
  }

  /** The column names as a Dutch enumeration: {@code indicator, wijk, periode, waarde en toelichting}. */
  public String dutchList() {
    List<String> names = columns.stream().map(Column::header).toList();
    return names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " en " + names.get(names.size() - 1);
  }

  /** Collects a layout's columns in order; each gets its index. */
  public static final class Builder {

    private final List<Column> columns = new ArrayList<>();
    private final String item;
    private final String items;
    private final List<String> personal = new ArrayList<>();
    private boolean quotesText = true;

    private Builder(String item, String items) {
      this.item = item;
      this.items = items;
    }

    public Column required(String header) {
      return add(header, true, Column.CellText.PLAIN);
    }

    public Column optional(String header) {
      return add(header, false, Column.CellText.PLAIN);
    }

    public Column add(String header, boolean required, Column.CellText cell) {
      Column column = new Column(columns.size(), header, required, cell);
      columns.add(column);
      return column;
    }

    /** Header names that mark a file as personal data this kind must not take (see {@link #isPersonal}). */
    public Builder refusing(String... headers) {
      personal.addAll(List.of(headers));
      return this;
    }

    /** Messages never quote text from the file (see {@link Layout#quotesText()}). */
    public Builder quotingNothing() {
      quotesText = false;
      return this;
    }

    public Layout build() {
      return new Layout(columns, item, items, personal, quotesText);
    }
  }
}
