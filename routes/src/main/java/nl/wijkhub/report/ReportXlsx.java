package nl.wijkhub.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the report as one XLSX sheet with Apache POI. The version's notice is the sheet's first row and the header
 * of every printed page; the header row repeats on every page. Text is always written as text cells (and
 * neutralised), so a partner's or editor's text can never become a formula.
 */
public final class ReportXlsx {

  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private ReportXlsx() {}

  public static void write(YearlyReport report, OutputStream out) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
      Sheet sheet = workbook.createSheet(report.internal() ? "Wat is bereikt (intern)" : "Wat is bereikt");
      sheet.getHeader().setCenter(report.notice());
      sheet.getFooter().setCenter(ReportColumns.title(report));
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle strong = workbook.createCellStyle();
      strong.setFont(bold);

      text(sheet.createRow(0), List.of(ReportColumns.title(report), report.notice()), strong);
      text(sheet.createRow(1), ReportColumns.HEADERS, strong);
      sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:2"));
      int r = 2;
      for (YearlyReport.Row row : report.rows()) {
        Row line = sheet.createRow(r++);
        text(line, ReportColumns.cells(report, row), null);
        if (row.realised() != null && row.realised().exact() && row.shown() == nl.wijkhub.dashboard.Shown.VALUE) {
          line.getCell(ReportColumns.REALISED).setCellValue(row.realised().min());
        }
        if (row.target() != null) {
          line.getCell(ReportColumns.TARGET).setCellValue(row.target());
        }
      }
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void text(Row row, List<String> values, CellStyle style) {
    for (int i = 0; i < values.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(CellText.neutralise(values.get(i)));
      if (style != null) {
        cell.setCellStyle(style);
      }
    }
  }
}
