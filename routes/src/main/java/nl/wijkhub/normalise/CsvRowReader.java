package nl.wijkhub.normalise;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams a CSV delivery row by row with FastCSV. The separator ({@code ;} or {@code ,}) is taken from the header
 * line, header names are matched ignoring case and may come in any order, quoted fields may hold separators and
 * newlines, and the trailing empty cells and rows that spreadsheet exports add are ignored.
 */
final class CsvRowReader {

  private static final int BUFFER = 64 * 1024;

  /**
   * Reads the delivery; {@code charset} forces an encoding, null lets the sniffer decide.
   *
   * @throws DeliveryRefused when the header does not describe a count delivery, or no row holds a figure
   * @throws java.nio.charset.CharacterCodingException when bytes later in the file do not fit the sniffed encoding
   */
  void read(InputStream raw, Charset charset, RowSink sink) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    Charset effective = charset != null ? charset : CharsetSniffer.detect(in);
    BufferedReader text = new BufferedReader(new InputStreamReader(in, effective.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)), BUFFER);
    text.mark(BUFFER);
    // Empty lines before the header are skipped like FastCSV skips them, so they neither hide the header nor
    // make the file look empty.
    String firstLine = text.readLine();
    while (firstLine != null && firstLine.isEmpty()) {
      firstLine = text.readLine();
    }
    text.reset();
    if (firstLine == null || firstLine.isBlank()) {
      throw new DeliveryRefused(Problem.ofFile("BESTAND_LEEG", "Het bestand is leeg: er staat geen kopregel in."
          + " Begin met de kopregel indicator;wijk;periode;waarde;toelichting."));
    }
    CsvReader<CsvRecord> csv = CsvReader.builder()
        .fieldSeparator(separatorOf(firstLine))
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .ofCsvRecord(text);
    Iterator<CsvRecord> records = csv.iterator();
    Header header = Header.of(records.next());
    boolean anyFigure = false;
    while (records.hasNext()) {
      RawRow row = header.row(records.next());
      anyFigure |= !row.isBlank();
      sink.accept(row);
    }
    // Only a header (or only the empty rows a spreadsheet appends) would otherwise give a receipt that says
    // "rejected" without a single reason.
    if (!anyFigure) {
      throw new DeliveryRefused(Problem.ofFile("BESTAND_LEEG", "Het bestand bevat alleen een kopregel: er staan"
          + " geen cijfers in. Zet onder de kopregel één regel per cijfer."));
    }
  }

  static char separatorOf(String headerLine) {
    long semicolons = headerLine.chars().filter(c -> c == ';').count();
    long commas = headerLine.chars().filter(c -> c == ',').count();
    return commas > semicolons ? ',' : ';';
  }

  /** Where each column is, and how wide a row may be. */
  private record Header(Map<Column, Integer> positions, int width, int requiredWidth) {

    static Header of(CsvRecord record) {
      long line = record.getStartingLineNumber();
      Map<Column, Integer> positions = new EnumMap<>(Column.class);
      List<String> unknown = new ArrayList<>();
      int width = 0;
      for (int i = 0; i < record.getFieldCount(); i++) {
        String cell = record.getField(i);
        if (cell.isBlank()) {
          continue;
        }
        width = i + 1;
        Optional<Column> column = Column.ofHeader(cell);
        if (column.isEmpty()) {
          unknown.add(cell.strip());
        } else if (positions.putIfAbsent(column.get(), i) != null) {
          throw refused(line, "KOPREGEL_ONGELDIG", "De kolom '" + column.get().header() + "' staat twee keer in de"
              + " kopregel. Laat er één over.");
        }
      }
      // Not one known name: the first line is data or a title, not a header with a misspelt column (see the codes
      // in docs/aanleveren.md).
      if (positions.isEmpty()) {
        throw refused(line, "KOPREGEL_ONGELDIG", "De eerste regel is geen kopregel. Begin het bestand met de"
            + " kopregel indicator;wijk;periode;waarde;toelichting.");
      }
      if (!unknown.isEmpty()) {
        throw refused(line, "KOLOM_ONBEKEND", "De kopregel bevat onbekende kolommen: " + String.join(", ", unknown)
            + ". Toegestaan zijn indicator, wijk, periode, waarde en toelichting.");
      }
      List<String> missing = java.util.Arrays.stream(Column.values())
          .filter(c -> c.required() && !positions.containsKey(c)).map(Column::header).toList();
      if (!missing.isEmpty()) {
        throw refused(line, "KOPREGEL_ONGELDIG", "De kopregel mist de kolom(men) " + String.join(", ", missing)
            + ". Gebruik de kopregel indicator;wijk;periode;waarde;toelichting.");
      }
      int requiredWidth = positions.entrySet().stream().filter(e -> e.getKey().required())
          .mapToInt(e -> e.getValue() + 1).max().orElse(0);
      return new Header(positions, width, requiredWidth);
    }

    RawRow row(CsvRecord record) {
      return new RawRow(record.getStartingLineNumber(), cell(record, Column.INDICATOR), cell(record, Column.WIJK),
          cell(record, Column.PERIODE), cell(record, Column.WAARDE), false, cell(record, Column.TOELICHTING),
          surplus(record));
    }

    private String cell(CsvRecord record, Column column) {
      Integer position = positions.get(column);
      return position == null || position >= record.getFieldCount() ? null : record.getField(position);
    }

    /** Non-empty cells beyond the header count as extra; missing required cells count as too few. */
    private int surplus(CsvRecord record) {
      int count = record.getFieldCount();
      for (int i = count - 1; i >= width; i--) {
        if (!record.getField(i).isBlank()) {
          return i + 1 - width;
        }
      }
      return count < requiredWidth ? count - width : 0;
    }

    private static DeliveryRefused refused(long line, String code, String message) {
      return new DeliveryRefused(new Problem(line, null, code, message, null));
    }
  }
}
