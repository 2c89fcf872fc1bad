package nl.wijkhub.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the report as CSV the way Dutch Excel opens it: UTF-8 with a byte order mark, semicolons. The first line
 * is the version's notice (internal or public), so that no copy of the file passes for the other version.
 */
public final class ReportCsv {

  public static final String MEDIA_TYPE = "text/csv";

  private ReportCsv() {}

  public static void write(YearlyReport report, OutputStream out) {
    try {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write('\uFEFF');
      CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer);
      // As wide as the table, so that readers that insist on one field count per record accept the file.
      String[] first = new String[ReportColumns.HEADERS.size()];
      java.util.Arrays.fill(first, "");
      first[0] = CellText.neutralise(ReportColumns.title(report));
      first[1] = CellText.neutralise(report.notice());
      csv.writeRecord(first);
      csv.writeRecord(ReportColumns.HEADERS);
      for (YearlyReport.Row row : report.rows()) {
        csv.writeRecord(ReportColumns.cells(report, row));
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
