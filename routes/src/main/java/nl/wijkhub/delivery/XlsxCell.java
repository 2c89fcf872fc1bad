package nl.wijkhub.delivery;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * A spreadsheet cell as text for the validator, from the value Excel stores rather than how the cell displays it: a
 * number formatted as {@code 1.521} is 1521. A formula counts as the result Excel stored with it.
 *
 * @param number the cell holds a number, so its text has no thousands sign to doubt
 * @param withoutResult a formula whose result was never stored (a file written by a program, not by Excel)
 */
record XlsxCell(String text, boolean number, boolean withoutResult) {

  static final XlsxCell EMPTY = new XlsxCell(null, false, false);

  /**
   * @param asMonth a date stands for its month, as in {@code periode}: Excel turns {@code 2024-09} typed into a
   *     cell into 1 September 2024
   */
  static XlsxCell of(Cell cell, boolean asMonth) {
    if (cell == null) {
      return EMPTY;
    }
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      type = cell.getCachedFormulaResultType();
      if (type == CellType.BLANK) {
        return new XlsxCell(null, false, true);
      }
    }
    return switch (type) {
      case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? ofText(date(cell.getLocalDateTimeCellValue(), asMonth))
          : new XlsxCell(plain(cell.getNumericCellValue()), true, false);
      case STRING -> ofText(cell.getStringCellValue());
      // As Dutch Excel shows them; the validator then names the text it cannot take as a figure.
      case BOOLEAN -> ofText(cell.getBooleanCellValue() ? "WAAR" : "ONWAAR");
      // The streaming reader gives the stored error code (#DIV/0!) after "ERROR:".
      case ERROR -> ofText(cell.getStringCellValue().replaceFirst("^ERROR:\\s*", ""));
      default -> EMPTY;
    };
  }

  boolean isBlank() {
    return !withoutResult && (text == null || text.isBlank());
  }

  private static XlsxCell ofText(String text) {
    return new XlsxCell(text, false, false);
  }

  /** The 15 significant digits Excel shows (0.1 + 0.2 is 0.3), without exponent: 1E+7 is 10000000. */
  private static String plain(double value) {
    return new BigDecimal(NumberToTextConverter.toText(value)).stripTrailingZeros().toPlainString();
  }

  private static String date(LocalDateTime value, boolean asMonth) {
    return asMonth ? YearMonth.from(value).toString() : value.toLocalDate().toString();
  }
}
