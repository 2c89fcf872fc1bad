package nl.wijkhub.accessrequest;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.wijkhub.report.CellText;

/**
 * The privacy officer's exports as CSV the way Dutch Excel opens them (UTF-8 with a byte order mark, semicolons),
 * every cell neutralised against formula injection as the yearly report does: a partner's name or a register text
 * is configuration, but a spreadsheet must never run it.
 */
final class PrivacyCsv {

  static final String MEDIA_TYPE = "text/csv";

  static final List<String> ANSWER_HEADERS = List.of("Datum en tijd", "Handeling", "Organisatie", "Partij-id",
      "Convenant", "Versie", "Verwerkingsactiviteit", "Doel", "Grondslag", "Categorieën persoonsgegevens",
      "Signaal");
  static final List<String> REGISTER_HEADERS = List.of("Id", "Naam", "Doel", "Grondslag",
      "Verwerkingsverantwoordelijke", "Categorieën persoonsgegevens", "Categorieën betrokkenen", "Ontvangers",
      "Bewaartermijn", "Adres in het verwerkingenlog");

  private PrivacyCsv() {}

  static byte[] answer(AccessAnswer answer) {
    List<List<String>> rows = new ArrayList<>();
    for (AccessAnswer.Step step : answer.steps()) {
      rows.add(List.of(step.localTime(), step.step(), step.partyName(), step.party(), step.covenant(),
          Integer.toString(step.version()), step.activity(), step.purpose(), step.legalGround(),
          String.join(", ", step.categories()), step.signalId() == null ? "" : step.signalId()));
    }
    return write(List.of("Inzageverzoek: verwerkingen in Wijkhub", "Doorzochte convenanten: "
        + (answer.covenants().isEmpty() ? "geen" : String.join("; ", answer.covenants())),
        "Aantal verwerkingen: " + answer.steps().size()), ANSWER_HEADERS, rows);
  }

  static byte[] register(List<RegisterEntry> entries) {
    List<List<String>> rows = entries.stream().map(e -> List.of(e.id(), e.name(), e.purpose(), e.legalGround(),
        e.controller(), e.dataCategories(), e.dataSubjects(), e.recipients(), e.retention(), e.uri())).toList();
    return write(List.of("Register van verwerkingsactiviteiten (AVG art. 30)"), REGISTER_HEADERS, rows);
  }

  private static byte[] write(List<String> title, List<String> headers, List<List<String>> rows) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write('\uFEFF');
      CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer);
      // As wide as the table, so that readers that insist on one field count per record accept the file.
      String[] first = new String[headers.size()];
      Arrays.fill(first, "");
      for (int i = 0; i < title.size(); i++) {
        first[i] = CellText.neutralise(title.get(i));
      }
      csv.writeRecord(first);
      csv.writeRecord(headers);
      for (List<String> row : rows) {
        csv.writeRecord(row.stream().map(CellText::neutralise).toList());
      }
      csv.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
