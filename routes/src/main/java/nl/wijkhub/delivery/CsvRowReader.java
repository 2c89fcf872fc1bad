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
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a CSV delivery row by row with FastCSV. The separator ({@code ;}, {@code ,} or a tab) is taken from the
 * header line, header names are matched ignoring case and may come in any order, quoted fields may hold separators and
 * newlines, and the trailing empty cells and rows that spreadsheet exports add are ignored. A quote that is never
 * closed, or text after a closing quote, refuses the file: which rows it holds is no longer certain. So does a field,
 * a line or a number of columns beyond what a spreadsheet can hold, before it fills the heap.
 */
final class CsvRowReader {

  private static final int BUFFER = 64 * 1024;
  /** Excel's own limit for the text of one cell: a longer field was not typed by a person. */
  static final int MAX_FIELD_LENGTH = 32_767;
  /** Excel's own limit for the columns of a sheet. */
  static final int MAX_COLUMNS = 16_384;
  /** Characters in one record (a quoted field may span lines): far beyond a row of counts, far below the heap. */
  static final int MAX_LINE_LENGTH = 1024 * 1024;
  private static final Locale DUTCH = Locale.forLanguageTag("nl");
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
    Charset marked = charset == null ? null : CharsetSniffer.byteOrderMark(in);
    Charset effective = charset == null ? CharsetSniffer.detect(in) : marked != null ? marked : charset;
    // A sniffed encoding may be wrong and is reported so the caller can read again; a forced one is the last try,
    // so bytes it cannot map (0x81 in Windows-1252, a spreadsheet saved as .xlsx but named .csv) become U+FFFD and
    // the header check refuses the file, instead of failing on every attempt without a receipt.
    CodingErrorAction onError = charset != null ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
    BufferedReader text = new BufferedReader(new InputStreamReader(in, effective.newDecoder()
        .onMalformedInput(onError)
        .onUnmappableCharacter(onError)), BUFFER);
    char separator = separatorOf(firstLine(text));
    CsvWatch watch = new CsvWatch(text, separator);
    CsvReader<CsvRecord> csv = CsvReader.builder()
        .fieldSeparator(separator)
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .ofCsvRecord(watch);
    boolean anyRow = false;
    Header header = null;
    try {
      Iterator<CsvRecord> records = csv.iterator();
      CsvRecord first = records.hasNext() ? records.next() : null;
      if (first == null || first.getFieldCount() == 1 && first.getField(0).isBlank()) {
        throw new DeliveryRefused(Problem.ofFile("BESTAND_LEEG", "Het bestand is leeg: er staat geen kopregel in."
            + " Begin met de kopregel " + layout.headerLine(";") + "."));
      }
      header = Header.of(layout, first.getStartingLineNumber(), first.getFieldCount(), first::getField,
          "Begin het bestand met de kopregel " + layout.headerLine(";")
              + " en sla het op als CSV (niet als Excel-bestand).");
      watch.naming(header);
      while (records.hasNext()) {
        RawRow row = row(header, records.next());
        anyRow |= !row.isBlank();
        sink.accept(row);
      }
    } catch (CsvParseException e) {
      // FastCSV wraps what its reader throws, among it the watch's refusals.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof DeliveryRefused refused) {
          throw refused;
        }
        if (cause instanceof CharacterCodingException wrongEncoding) {
          throw new UncheckedIOException(wrongEncoding);
        }
      }
      // Text after a closing quote ("Klik" & Tik): where the rows begin and end is no longer certain. Without a
      // DeliveryRefused the file would fail on every attempt and the partner would never get a receipt.
      Matcher at = STARTED_IN_LINE.matcher(String.valueOf(e.getMessage()));
      throw new DeliveryRefused(new Problem(at.find() ? Long.valueOf(at.group(1)) : null, null, "CSV_ONGELDIG",
          "Het bestand is geen geldige CSV: na een sluitend aanhalingsteken (\") staat nog tekst in hetzelfde veld."
          + " Zet de hele tekst tussen aanhalingstekens en schrijf een aanhalingsteken in de tekst dubbel:"
          + " \"cursus \"\"Klik & Tik\"\" in het wijkcentrum\". Excel doet dat vanzelf.", null));
    }
    if (watch.unclosedSince() > 0) {
      // FastCSV reads an unclosed quote as one field up to the end of the file: the rows after it would vanish.
      throw new DeliveryRefused(new Problem(watch.unclosedSince(), null, "CSV_ONGELDIG", "Op regel "
          + watch.unclosedSince() + " begint een tekst met een aanhalingsteken (\") dat nergens wordt gesloten,"
          + " zodat de rest van het bestand niet als regels te lezen is. Sluit de tekst af met \" of haal het"
          + " aanhalingsteken weg.", null));
    }
    if (!anyRow) {
      throw header.withoutRows();
    }
  }

  /**
   * The first line that is not empty, or as much of it as fits in the look-ahead: a header is short, and a longer
   * first line (one-line JSON saved as .txt) is still read from the start by FastCSV, which the limits then guard.
   */
  private static String firstLine(BufferedReader text) throws IOException {
    char[] peek = new char[BUFFER];
    text.mark(BUFFER);
    int length = 0;
    for (int n; length < BUFFER && (n = text.read(peek, length, BUFFER - length)) > 0; ) {
      length += n;
    }
    text.reset();
    int start = 0;
    while (start < length && (peek[start] == '\r' || peek[start] == '\n')) {
      start++;
    }
    int end = start;
    while (end < length && peek[end] != '\r' && peek[end] != '\n') {
      end++;
    }
    return new String(peek, start, end - start);
  }

  /**
   * The separator the header uses: {@code ;} (Dutch Excel), {@code ,} (English Excel, most programs), or a tab
   * (Excel's "Unicode-tekst"), whichever the header holds most of; a tie goes to {@code ;}, then {@code ,}.
   */
  static char separatorOf(String headerLine) {
    long semicolons = headerLine.chars().filter(c -> c == ';').count();
    long commas = headerLine.chars().filter(c -> c == ',').count();
    long tabs = headerLine.chars().filter(c -> c == '\t').count();
    if (tabs > Math.max(semicolons, commas)) {
      return '\t';
    }
    return commas > semicolons ? ',' : ';';
  }

  /**
   * Follows FastCSV's quoting while the text streams through: a quote opens a field only at its start, {@code ""}
   * inside it is a quote, and the next lone quote closes it. It notices what FastCSV does not report, a quote that
   * is never closed, and refuses a field, a line or a number of columns beyond the limits before FastCSV has to hold
   * them in memory (a file of one 100 MB line, or compressed bytes under a .csv name).
   */
  private static final class CsvWatch extends FilterReader {

    private final char separator;
    private boolean fieldStart = true;
    private boolean quoted;
    private boolean quoteInQuoted;
    private boolean afterCr;
    private long line = 1;
    private long openedAt;
    private long recordLine = 1;
    private int field;
    private int fieldLength;
    private int recordLength;
    private Header header;

    CsvWatch(Reader text, char separator) {
      super(text);
      this.separator = separator;
    }

    /** Once the header is read, limits name the column of a field, not only its position. */
    void naming(Header header) {
      this.header = header;
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
          grow();
          return;
        }
        quoteInQuoted = false;
        if (c == '"') {
          grow();
          return;
        }
        quoted = false;
      }
      if (c == '"' && fieldStart) {
        quoted = true;
        openedAt = line;
      }
      fieldStart = c == separator || c == '\r' || c == '\n';
      if (c == separator) {
        nextField();
      } else if (c == '\r' || c == '\n') {
        recordLine = line;
        field = 0;
        fieldLength = 0;
        recordLength = 0;
      } else {
        grow();
      }
    }

    private void grow() {
      if (++fieldLength > MAX_FIELD_LENGTH) {
        String name = header == null ? null : header.nameAt(field);
        throw new DeliveryRefused(new Problem(recordLine, name, "VELD_TE_LANG", String.format(DUTCH,
            "Op regel %d is %s langer dan %,d tekens, het meeste dat een cel in Excel kan bevatten. Kort de tekst in,"
                + " of controleer of het bestand echt een CSV-bestand is.", recordLine,
            name == null ? "veld " + (field + 1) : "het veld '" + name + "'", MAX_FIELD_LENGTH), null));
      }
      if (++recordLength > MAX_LINE_LENGTH) {
        throw new DeliveryRefused(new Problem(recordLine, null, "REGEL_TE_LANG", String.format(DUTCH,
            "Regel %d is langer dan %,d tekens. Een regel hoort één cijfer te bevatten; controleer of het bestand"
                + " echt een CSV-bestand is en of de regels goed zijn afgesloten.", recordLine, MAX_LINE_LENGTH),
            null));
      }
    }

    private void nextField() {
      fieldLength = 0;
      recordLength++;
      if (++field >= MAX_COLUMNS) {
        throw new DeliveryRefused(new Problem(recordLine, null, "KOLOMLIMIET_OVERSCHREDEN", String.format(DUTCH,
            "Regel %d heeft meer dan %,d kolommen, meer dan een werkblad in Excel kan hebben. Controleer het"
                + " scheidingsteken en of het bestand echt een CSV-bestand is.", recordLine, MAX_COLUMNS), null));
      }
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
