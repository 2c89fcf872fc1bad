package nl.wijkhub.delivery;

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
import java.util.Iterator;
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

  private final Layout layout;

  CsvRowReader(Layout layout) {
    this.layout = layout;
  }

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
          + " Begin met de kopregel " + layout.headerLine(";") + "."));
    }
    char separator = separatorOf(firstLine);
    QuoteWatch quotes = new QuoteWatch(text, separator);
    CsvReader<CsvRecord> csv = CsvReader.builder()
        .fieldSeparator(separator)
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .ofCsvRecord(quotes);
    boolean anyRow = false;
    Header header = null;
    try {
      Iterator<CsvRecord> records = csv.iterator();
      CsvRecord first = records.next();
      header = Header.of(layout, first.getStartingLineNumber(), first.getFieldCount(), first::getField,
          "Begin het bestand met de kopregel " + layout.headerLine(";")
              + " en sla het op als CSV (niet als Excel-bestand).");
      while (records.hasNext()) {
        RawRow row = row(header, records.next());
        anyRow |= !row.isBlank();
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
    if (!anyRow) {
      throw header.withoutRows();
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

  /** The cells of a record at the header's positions. */
  private RawRow row(Header header, CsvRecord record) {
    String[] values = new String[layout.size()];
    for (Column column : layout.columns()) {
      int position = header.position(column);
      values[column.index()] = position < 0 || position >= record.getFieldCount() ? null : record.getField(position);
    }
    return RawRow.ofText(record.getStartingLineNumber(), values, surplus(header, record));
  }

  /** Non-empty cells beyond the header count as extra; missing required cells count as too few. */
  private static int surplus(Header header, CsvRecord record) {
    int count = record.getFieldCount();
    for (int i = count - 1; i >= header.width(); i--) {
      if (!record.getField(i).isBlank()) {
        return i + 1 - header.width();
      }
    }
    return count < header.requiredWidth() ? count - header.width() : 0;
  }
}
