package nl.wijkhub.delivery;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
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

  private final Layout layout;

  JsonRowReader(Layout layout) {
    this.layout = layout;
  }

  void read(InputStream in, RowSink sink) {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), in)) {
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
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DeliveryRefused(new Problem(line > 0 ? line : null, null, "JSON_ONGELDIG",
          "Het bestand is geen geldige JSON (regel " + line + "): " + e.getOriginalMessage(), null));
    }
  }

  private RawRow row(JsonParser parser) {
    long line = parser.currentTokenLocation().getLineNr();
    String[] values = new String[layout.size()];
    long numbers = 0;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
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
