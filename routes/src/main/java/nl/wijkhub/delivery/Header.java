package nl.wijkhub.delivery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The header of a tabular delivery (CSV or a spreadsheet): where each column of the kind's {@link Layout} is, and how
 * wide a row may be. Names are matched like {@link Layout#ofHeader}, in any order; a header that does not describe a
 * delivery of the kind refuses the file with the same codes whatever the format.
 *
 * @param positions per column index, the cell it is in, or -1 when the header does not name it
 * @param width position after the last named cell; non-empty cells beyond it are extra
 * @param requiredWidth position after the last required column; a row with fewer cells lacks some
 */
record Header(Layout layout, int[] positions, int width, int requiredWidth) {

  /**
   * Reads the header from {@code count} cells.
   *
   * @param notAHeaderAdvice how to fix a first line that holds no column name at all, in the terms of the format
   * @throws DeliveryRefused when the cells do not describe a delivery of the layout's kind
   */
  static Header of(Layout layout, long line, int count, IntFunction<String> cell, String notAHeaderAdvice) {
    int[] positions = new int[layout.size()];
    Arrays.fill(positions, -1);
    List<String> unknown = new ArrayList<>();
    int width = 0;
    for (int i = 0; i < count; i++) {
      String text = cell.apply(i);
      if (text == null || text.isBlank()) {
        continue;
      }
      width = i + 1;
      if (layout.isPersonal(text)) {
        throw new DeliveryRefused(PersonalData.refusal(line, null));
      }
      Optional<Column> column = layout.ofHeader(text);
      if (column.isEmpty()) {
        unknown.add(text.strip());
      } else if (positions[column.get().index()] >= 0) {
        throw refused(line, "KOPREGEL_ONGELDIG", "De kolom '" + column.get().header() + "' staat twee keer in de"
            + " kopregel. Laat er één over.");
      } else {
        positions[column.get().index()] = i;
      }
    }
    // Not one known name: the first line is data or a title, not a header with a misspelt column (see the codes
    // in docs/aanleveren.md).
    if (Arrays.stream(positions).allMatch(p -> p < 0)) {
      throw refused(line, "KOPREGEL_ONGELDIG", "De eerste regel is geen kopregel. " + notAHeaderAdvice);
    }
    if (!unknown.isEmpty()) {
      throw refused(line, "KOLOM_ONBEKEND", "De kopregel bevat onbekende kolommen"
          + (layout.quotesText() ? ": " + String.join(", ", unknown) : "") + ". Toegestaan zijn "
          + layout.dutchList() + ".");
    }
    List<String> missing = layout.columns().stream()
        .filter(c -> c.required() && positions[c.index()] < 0).map(Column::header).toList();
    if (!missing.isEmpty()) {
      throw refused(line, "KOPREGEL_ONGELDIG", "De kopregel mist de kolom(men) " + String.join(", ", missing)
          + ". Gebruik de kopregel " + layout.headerLine(";") + ".");
    }
    int requiredWidth = layout.columns().stream().filter(Column::required)
        .mapToInt(c -> positions[c.index()] + 1).max().orElse(0);
    return new Header(layout, positions, width, requiredWidth);
  }

  /** Where the column is, or -1 when the header does not name it (an optional column may be left out). */
  int position(Column column) {
    return positions[column.index()];
  }

  /** The name of the column at a position of the row, or null when the header names none there. */
  String nameAt(int position) {
    for (Column column : layout.columns()) {
      if (positions[column.index()] == position) {
        return column.header();
      }
    }
    return null;
  }

  /** Refusal for a file with a header but not one row holding a value. */
  DeliveryRefused withoutRows() {
    // A receipt would otherwise say "rejected" without a single reason.
    return new DeliveryRefused(Problem.ofFile("BESTAND_LEEG", "Het bestand bevat alleen een kopregel: er staan"
        + " geen " + layout.items() + " in. Zet onder de kopregel één regel per " + layout.item() + "."));
  }

  private static DeliveryRefused refused(long line, String code, String message) {
    return new DeliveryRefused(new Problem(line, null, code, message, null));
  }
}
