package nl.wijkhub.normalise;

import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams a JSON delivery: an array of objects with the same field names as the CSV header. Each object is one row;
 * its line is where the object starts. A JSON number for {@code waarde} is exact, a string is read like CSV text.
 */
final class JsonRowReader {

  private static final JsonFactory FACTORY = new JsonFactory();

  void read(InputStream in, RowSink sink) {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), in)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw refused(parser, "Het bestand moet beginnen met een lijst: [ {\"indicator\": …}, … ].");
      }
      JsonToken token;
      boolean anyFigure = false;
      while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
        RawRow row = row(parser);
        anyFigure |= !row.isBlank();
        sink.accept(row);
      }
      if (token != JsonToken.END_ARRAY) {
        throw refused(parser, "Verwacht een object { … } of het einde van de lijst ].");
      }
      // Anything after the list (a second list appended by the partner's system) would otherwise be dropped unread.
      if (parser.nextToken() != null) {
        throw refused(parser, "Na het einde van de lijst ] staat nog iets. Lever één lijst aan: [ {…}, {…} ].");
      }
      if (!anyFigure) {
        throw new DeliveryRefused(Problem.ofFile("BESTAND_LEEG", "De lijst is leeg: er staan geen cijfers in."
            + " Zet er voor elk cijfer een object in: [ {\"indicator\": …}, … ]."));
      }
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DeliveryRefused(new Problem(line > 0 ? line : null, null, "JSON_ONGELDIG",
          "Het bestand is geen geldige JSON (regel " + line + "): " + e.getOriginalMessage(), null));
    }
  }

  private static RawRow row(JsonParser parser) {
    long line = parser.currentTokenLocation().getLineNr();
    Map<Column, String> values = new EnumMap<>(Column.class);
    boolean exact = false;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      Optional<Column> column = Column.ofHeader(parser.currentName());
      JsonToken value = parser.nextToken();
      if (value.isStructStart()) {
        parser.skipChildren();
      }
      if (column.isPresent() && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        values.put(column.get(), parser.getString());
        exact |= column.get() == Column.WAARDE && value.isNumeric();
      }
    }
    return new RawRow(line, values.get(Column.INDICATOR), values.get(Column.WIJK), values.get(Column.PERIODE),
        values.get(Column.WAARDE), exact, values.get(Column.TOELICHTING), 0);
  }

  private static DeliveryRefused refused(JsonParser parser, String message) {
    long line = parser.currentTokenLocation().getLineNr();
    return new DeliveryRefused(new Problem(line, null, "JSON_ONGELDIG", message, null));
  }
}
