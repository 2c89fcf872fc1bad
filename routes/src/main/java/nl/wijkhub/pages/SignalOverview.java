package nl.wijkhub.pages;

import java.util.List;

/**
 * What the signals page shows, already as text: the page does no arithmetic and no suppression of its own.
 *
 * @param internal true for programme staff (exact counts), false for the public page (protected counts)
 * @param available false while the counts cannot be read (the aggregation starts or rebalances, or is off)
 * @param months the month columns: short name and full name
 */
record SignalOverview(String programme, String programmeName, int year, List<Integer> years, boolean internal,
    boolean available, String notice, List<Month> months, List<Covenant> covenants) {

  record Month(String shortName, String fullName) {}

  /** A covenant of the programme, with one table per signal type that has signals in the year. */
  record Covenant(String id, String name, List<TypeTable> tables) {}

  /** Wijken as rows, months as columns, a total per wijk and a row "alle wijken". */
  record TypeTable(String type, String label, List<Row> rows) {}

  /** One row: per month the count as shown, then the row's total. */
  record Row(String wijk, String label, List<String> months, String total) {}
}
