package nl.wijkhub.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Streams the first sheet of an Excel workbook (.xlsx) row by row with the same header as a CSV delivery. Line
 * numbers are Excel's row numbers, so the receipt points at the row the partner sees; empty rows before the header
 * are skipped, and empty rows after it are passed on as blank, like CSV's. Cells are read as Excel stores them (see
 * {@link XlsxCell}). Unsafe or unreadable workbooks are refused by {@link XlsxPackage}.
 */
final class XlsxRowReader {

  /** Excel's own limit: a sheet with more rows was not made by Excel. */
  static final int EXCEL_MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
  private static final int EXCEL_MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();

  private final Layout layout;
  private final int maxRows;
  private final String notAHeader;

  XlsxRowReader(Layout layout) {
    this(layout, EXCEL_MAX_ROWS);
  }

  /** A reader that refuses a sheet with more than {@code maxRows} rows, counting the header and empty rows. */
  XlsxRowReader(Layout layout, int maxRows) {
    this.layout = layout;
    this.maxRows = maxRows;
    this.notAHeader = "Zet in de eerste rij van het eerste werkblad de kolomnamen " + layout.dutchList()
        + ", elk in een eigen cel.";
  }

  /**
   * Reads the delivery.
   *
   * @throws DeliveryRefused when the workbook is unsafe or unreadable, its header does not describe a count delivery,
   *     no row holds a figure, or the sheet has too many rows
   * @throws IOException when the workbook cannot be closed
   */
  void read(Path file, RowSink sink) throws IOException {
    try (Workbook workbook = XlsxPackage.open(file)) {
      SheetRows rows = new SheetRows(XlsxPackage.guard(() -> workbook.getSheetAt(0).rowIterator()));
      Header header = XlsxPackage.guard(rows::header);
      boolean anyRow = false;
      RawRow row;
      while ((row = XlsxPackage.guard(() -> rows.next(header))) != null) {
        anyRow |= !row.isBlank();
        sink.accept(row);
      }
      if (!anyRow) {
        throw header.withoutRows();
      }
    }
  }

  /** The rows of the sheet, counted against the limit as they stream by. */
  private final class SheetRows {

    private final Iterator<Row> rows;
    private long read;

    SheetRows(Iterator<Row> rows) {
      this.rows = rows;
    }

    Header header() {
      Row row = nextRow();
      while (row != null && isBlank(row)) {
        row = nextRow();
      }
      if (row == null) {
        throw XlsxPackage.refused("BESTAND_LEEG", "Het eerste werkblad is leeg: er staat geen kopregel in. "
            + notAHeader);
      }
      Row first = row;
      int count = Math.min(first.getLastCellNum(), EXCEL_MAX_COLUMNS);
      return Header.of(layout, line(first), count, i -> XlsxCell.of(first.getCell(i), false).text(), notAHeader);
    }

    /** The next row at the header's positions, or null after the last. */
    RawRow next(Header header) {
      Row row = nextRow();
      return row == null ? null : rawRow(row, header);
    }

    private Row nextRow() {
      if (!rows.hasNext()) {
        return null;
      }
      Row row = rows.next();
      if (++read > maxRows || row.getRowNum() >= maxRows) {
        throw XlsxPackage.refused(XlsxPackage.TOO_LARGE, String.format(Locale.forLanguageTag("nl"),
            "Het eerste werkblad heeft meer dan %,d regels, meer dan de hub in één keer aanneemt. Verdeel de"
                + " cijfers over meer bestanden, bijvoorbeeld per jaar.", maxRows));
      }
      return row;
    }
  }

  private RawRow rawRow(Row row, Header header) {
    long line = line(row);
    String[] values = new String[layout.size()];
    long numbers = 0;
    List<Problem> problems = new ArrayList<>();
    for (Column column : layout.columns()) {
      int position = header.position(column);
      XlsxCell cell = position < 0 ? XlsxCell.EMPTY
          : XlsxCell.of(row.getCell(position), column.cell() == Column.CellText.MONTH);
      values[column.index()] = cell.text();
      numbers |= cell.number() ? 1L << column.index() : 0;
      if (cell.withoutResult()) {
        problems.add(Problem.ofField(line, column.header(), "FORMULE_ZONDER_WAARDE", "In de kolom '"
            + column.header() + "' staat een formule waarvan de uitkomst niet in het bestand is opgeslagen. Open het"
            + " bestand in Excel en sla het opnieuw op, of zet de waarde zelf in de cel.", null));
      }
    }
    return new RawRow(line, Arrays.asList(values), numbers, surplus(row, header), problems);
  }

  /** Filled cells right of the header count as extra, like CSV fields beyond it; missing cells are just empty. */
  private static int surplus(Row row, Header header) {
    int last = -1;
    for (Cell cell : row) {
      if (cell.getColumnIndex() >= header.width() && !XlsxCell.of(cell, false).isBlank()) {
        last = Math.max(last, cell.getColumnIndex());
      }
    }
    return last < 0 ? 0 : last + 1 - header.width();
  }

  private static boolean isBlank(Row row) {
    for (Cell cell : row) {
      if (!XlsxCell.of(cell, false).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Excel's row number: the header is usually 1. */
  private static long line(Row row) {
    return row.getRowNum() + 1L;
  }
}
