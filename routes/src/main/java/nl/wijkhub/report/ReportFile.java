package nl.wijkhub.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A yearly report as the file a person saves: CSV or XLSX, with its name, never cached. API and page share it. */
public final class ReportFile {

  private static final MediaType CSV = MediaType.parseMediaType(ReportCsv.MEDIA_TYPE);
  private static final MediaType XLSX = MediaType.parseMediaType(ReportXlsx.MEDIA_TYPE);

  private ReportFile() {}

  public static ResponseEntity<byte[]> download(YearlyReport report, boolean xlsx) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    BiConsumer<YearlyReport, ByteArrayOutputStream> writer = xlsx ? ReportXlsx::write : ReportCsv::write;
    writer.accept(report, body);
    String file = "wat-is-bereikt-" + report.programme() + "-" + report.year() + (report.internal() ? "-intern" : "")
        + (xlsx ? ".xlsx" : ".csv");
    return ResponseEntity.ok().contentType(xlsx ? XLSX : new MediaType(CSV, StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body.toByteArray());
  }
}
