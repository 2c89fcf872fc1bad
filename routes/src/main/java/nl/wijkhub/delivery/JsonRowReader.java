package nl.wijkhub.delivery;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams a JSON delivery: an array of objects with the same field names as the CSV header. Each object is one row;
 * its line is where the object starts. A JSON number for {@code waarde} is exact, a string is read like CSV text.
 */
final class JsonRowReader {

  /** Text values as long as a CSV field may be; the rest of Jackson's defaults already bound depth and numbers. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(CsvRowReader.MAX_FIELD_LENGTH)
          .maxNameLength(CsvRowReader.MAX_FIELD_LENGTH)
          .build())
      .build();
  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  private final Layout layout;

  JsonRowReader(Layout layout) {
    this.layout = layout;
  }

  void read(InputStream in, RowSink sink) {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), in)) {
      try {
        readList(parser, sink);
      } catch (StreamConstraintsException e) {
        throw tooLong(parser, e);
      }
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DeliveryRefused(new Problem(line > 0 ? line : null, null, "JSON_ONGELDIG",
          "Het bestand is geen geldige JSON (regel " + line + ")"
              + (layout.quotesText() ? ": " + e.getOriginalMessage() : ". Controleer aanhalingstekens, komma's en"
                  + " haken rond die regel."), null));
    }
  }

  private void readList(JsonParser parser, RowSink sink) {
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      throw refused(parser, "Het bestand moet beginnen met een lijst: [ {\"" + layout.columns().get(0).header()
          + "\": …}, … ].");
    }
    JsonToken token;
    boolean anyRow = false;
    while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
      RawRow row = row(parser);
      anyRow |= !row.isBlank();
      sink.accept(row);
    }
    if (token != JsonToken.END_ARRAY) {
      throw refused(parser, "Verwacht een object { … } of het einde van de lijst ].");
    }
    // Anything after the list (a second list appended by the partner's system) would otherwise be dropped unread.
    if (parser.nextToken() != null) {
      throw refused(parser, "Na het einde van de lijst ] staat nog iets. Lever één lijst aan: [ {…}, {…} ].");
    }
    if (!anyRow) {
      throw new DeliveryRefused(Problem.ofFile("BESTAND_LEEG", "De lijst is leeg: er staan geen "
          + layout.items() + " in. Zet er voor elk " + layout.item() + " een object in: [ {\""
          + layout.columns().get(0).header() + "\": …}, … ]."));
    }
  }

  /**
   * A text or name beyond the limit is refused like a CSV field. Jackson tells that limit from its others (depth,
   * number length) only by its message; those stay JSON_ONGELDIG.
   */
  private RuntimeException tooLong(JsonParser parser, StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    boolean name = message.contains("Name length");
    if (!name && !message.contains("String value length")) {
      return e;
    }
    long line = e.getLocation() == null ? parser.currentTokenLocation().getLineNr() : e.getLocation().getLineNr();
    String field = name || parser.currentName() == null ? null
        : layout.ofHeader(parser.currentName()).map(Column::header).orElse(null);
    return new DeliveryRefused(new Problem(line, field, "VELD_TE_LANG", String.format(DUTCH,
        "Op regel %d is %s langer dan %,d tekens. Kort de tekst in.", line,
        field == null ? "een naam of tekst" : "het veld '" + field + "'", CsvRowReader.MAX_FIELD_LENGTH), null));
  }

  private RawRow row(JsonParser parser) {
    long line = parser.currentTokenLocation().getLineNr();
    String[] values = new String[layout.size()];
    long numbers = 0;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      if (layout.isPersonal(parser.currentName())) {
        throw new DeliveryRefused(PersonalData.refusal(line, null));
      }
      Optional<Column> column = layout.ofHeader(parser.currentName());
      JsonToken value = parser.nextToken();
      if (value.isStructStart()) {
        parser.skipChildren();
      }
      if (column.isPresent() && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        values[column.get().index()] = parser.getString();
        numbers |= value.isNumeric() ? 1L << column.get().index() : 0;
      }
    }
    return new RawRow(line, Arrays.asList(values), numbers, 0, List.of());
  }

  private static DeliveryRefused refused(JsonParser parser, String message) {
    long line = parser.currentTokenLocation().getLineNr();
    return new DeliveryRefused(new Problem(line, null, "JSON_ONGELDIG", message, null));
  }
}
