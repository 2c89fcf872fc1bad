package nl.wijkhub.normalise;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a CSV delivery row by row with FastCSV. The separator ({@code ;} or {@code ,}) is taken from the header
 * line, header names are matched ignoring case and may come in any order, quoted fields may hold separators and
 * newlines, and the trailing empty cells and rows that spreadsheet exports add are ignored. A quote that is never
 * closed, or text after a closing quote, refuses the file: which rows it holds is no longer certain.
 */
final class CsvRowReader {

  private static final int BUFFER = 64 * 1024;
  /** FastCSV names the line of a record it cannot parse only in the message of its exception. */
  private static final Pattern STARTED_IN_LINE = Pattern.compile("started in line (\\d+)");

  /**
   * Reads the delivery; {@code charset} forces an encoding (undecodable bytes become U+FFFD), null lets the sniffer
   * decide.
   *
   * @throws DeliveryRefused when the header does not describe a count delivery, no row holds a figure, or quotes
   *     leave the rows uncertain
   * @throws java.nio.charset.CharacterCodingException when bytes later in the file do not fit the sniffed encoding
   */
  void read(InputStream raw, Charset charset, RowSink sink) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    Charset effective = charset != null ? charset : CharsetSniffer.detect(in);
    // A sniffed encoding may be wrong and is reported so the caller can read again; a forced one is the last try,
    // so bytes it cannot map (0x81 in Windows-1252, a spreadsheet saved as .xlsx but named .csv) become U+FFFD and
    // the header check refuses the file, instead of failing on every attempt without a receipt.
    CodingErrorAction onError = charset != null ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
    BufferedReader text = new BufferedReader(new InputStreamReader(in, effective.newDecoder()
        .onMalformedInput(onError)
        .onUnmappableCharacter(onError)), BUFFER);
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
    char separator = separatorOf(firstLine);
    QuoteWatch quotes = new QuoteWatch(text, separator);
    CsvReader<CsvRecord> csv = CsvReader.builder()
        .fieldSeparator(separator)
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .ofCsvRecord(quotes);
    boolean anyFigure = false;
    try {
      Iterator<CsvRecord> records = csv.iterator();
      Header header = Header.of(records.next());
      while (records.hasNext()) {
        RawRow row = header.row(records.next());
        anyFigure |= !row.isBlank();
        sink.accept(row);
      }
    } catch (CsvParseException e) {
      // Text after a closing quote ("Klik" & Tik): where the rows begin and end is no longer certain. Without a
      // DeliveryRefused the file would fail on every attempt and the partner would never get a receipt.
      Matcher at = STARTED_IN_LINE.matcher(String.valueOf(e.getMessage()));
      throw new DeliveryRefused(new Problem(at.find() ? Long.valueOf(at.group(1)) : null, null, "CSV_ONGELDIG",
          "Het bestand is geen geldige CSV: na een sluitend aanhalingsteken (\") staat nog tekst in hetzelfde veld."
          + " Zet de hele tekst tussen aanhalingstekens en schrijf een aanhalingsteken in de tekst dubbel:"
          + " \"cursus \"\"Klik & Tik\"\" in het wijkcentrum\". Excel doet dat vanzelf.", null));
    }
    if (quotes.unclosedSince() > 0) {
      // FastCSV reads an unclosed quote as one field up to the end of the file: the rows after it would vanish.
      throw new DeliveryRefused(new Problem(quotes.unclosedSince(), null, "CSV_ONGELDIG", "Op regel "
          + quotes.unclosedSince() + " begint een tekst met een aanhalingsteken (\") dat nergens wordt gesloten,"
          + " zodat de rest van het bestand niet als regels te lezen is. Sluit de tekst af met \" of haal het"
          + " aanhalingsteken weg.", null));
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

  /**
   * Follows FastCSV's quoting while the text streams through: a quote opens a field only at its start, {@code ""}
   * inside it is a quote, and the next lone quote closes it. It notices what FastCSV does not report, a quote that
   * is never closed.
   */
  private static final class QuoteWatch extends FilterReader {

    private final char separator;
    private boolean fieldStart = true;
    private boolean quoted;
    private boolean quoteInQuoted;
    private boolean afterCr;
    private long line = 1;
    private long openedAt;

    QuoteWatch(Reader text, char separator) {
      super(text);
      this.separator = separator;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = offset; i < offset + n; i++) {
        follow(buffer[i]);
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        follow((char) c);
      }
      return c;
    }

    private void follow(char c) {
      if (c == '\r' || c == '\n' && !afterCr) {
        line++;
      }
      afterCr = c == '\r';
      if (quoted) {
        if (!quoteInQuoted) {
          quoteInQuoted = c == '"';
          return;
        }
        quoteInQuoted = false;
        if (c == '"') {
          return;
        }
        quoted = false;
      }
      if (c == '"' && fieldStart) {
        quoted = true;
        openedAt = line;
      }
      fieldStart = c == separator || c == '\r' || c == '\n';
    }

    /** The line of a quote that opened a field the file never closed, or 0. */
    long unclosedSince() {
      return quoted && !quoteInQuoted ? openedAt : 0;
    }
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
            + " kopregel indicator;wijk;periode;waarde;toelichting en sla het op als CSV (niet als Excel-bestand).");
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
