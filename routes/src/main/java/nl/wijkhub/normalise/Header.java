package nl.wijkhub.normalise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The header of a tabular delivery (CSV or a spreadsheet): where each column is, and how wide a row may be. Names are
 * matched like {@link Column#ofHeader}, in any order; a header that does not describe a count delivery refuses the
 * file with the same codes whatever the format.
 *
 * @param width position after the last named cell; non-empty cells beyond it are extra
 * @param requiredWidth position after the last required column; a row with fewer cells lacks some
 */
record Header(Map<Column, Integer> positions, int width, int requiredWidth) {

  /**
   * Reads the header from {@code count} cells.
   *
   * @param notAHeaderAdvice how to fix a first line that holds no column name at all, in the terms of the format
   * @throws DeliveryRefused when the cells do not describe a count delivery
   */
  static Header of(long line, int count, IntFunction<String> cell, String notAHeaderAdvice) {
    Map<Column, Integer> positions = new EnumMap<>(Column.class);
    List<String> unknown = new ArrayList<>();
    int width = 0;
    for (int i = 0; i < count; i++) {
      String text = cell.apply(i);
      if (text == null || text.isBlank()) {
        continue;
      }
      width = i + 1;
      Optional<Column> column = Column.ofHeader(text);
      if (column.isEmpty()) {
        unknown.add(text.strip());
      } else if (positions.putIfAbsent(column.get(), i) != null) {
        throw refused(line, "KOPREGEL_ONGELDIG", "De kolom '" + column.get().header() + "' staat twee keer in de"
            + " kopregel. Laat er één over.");
      }
    }
    // Not one known name: the first line is data or a title, not a header with a misspelt column (see the codes
    // in docs/aanleveren.md).
    if (positions.isEmpty()) {
      throw refused(line, "KOPREGEL_ONGELDIG", "De eerste regel is geen kopregel. " + notAHeaderAdvice);
    }
    if (!unknown.isEmpty()) {
      throw refused(line, "KOLOM_ONBEKEND", "De kopregel bevat onbekende kolommen: " + String.join(", ", unknown)
          + ". Toegestaan zijn indicator, wijk, periode, waarde en toelichting.");
    }
    List<String> missing = Arrays.stream(Column.values())
        .filter(c -> c.required() && !positions.containsKey(c)).map(Column::header).toList();
    if (!missing.isEmpty()) {
      throw refused(line, "KOPREGEL_ONGELDIG", "De kopregel mist de kolom(men) " + String.join(", ", missing)
          + ". Gebruik de kopregel indicator;wijk;periode;waarde;toelichting.");
    }
    int requiredWidth = positions.entrySet().stream().filter(e -> e.getKey().required())
        .mapToInt(e -> e.getValue() + 1).max().orElse(0);
    return new Header(positions, width, requiredWidth);
  }

  /** Where the column is, or null when the header does not name it (only toelichting may be left out). */
  Integer position(Column column) {
    return positions.get(column);
  }

  /** Refusal for a file with a header but not one row holding a figure. */
  static DeliveryRefused withoutFigures() {
    // A receipt would otherwise say "rejected" without a single reason.
    return new DeliveryRefused(Problem.ofFile("BESTAND_LEEG", "Het bestand bevat alleen een kopregel: er staan"
        + " geen cijfers in. Zet onder de kopregel één regel per cijfer."));
  }

  private static DeliveryRefused refused(long line, String code, String message) {
    return new DeliveryRefused(new Problem(line, null, code, message, null));
  }
}
