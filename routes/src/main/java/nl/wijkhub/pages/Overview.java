package nl.wijkhub.pages;

import java.util.List;

/**
 * What the overview page shows, already as text: the page does no arithmetic and no suppression of its own.
 *
 * @param internal true for programme staff (exact figures), false for the public page (protected figures)
 * @param notice what the reader must know about this version's numbers
 * @param wijken the names of the wijk columns, in the order of each indicator's {@code wijken}
 */
record Overview(String programme, String programmeName, int year, List<Integer> years, boolean internal,
    String notice, String statusRule, List<String> wijken, List<Pillar> pillars) {

  record Pillar(String number, String name, List<Intervention> interventions) {}

  record Intervention(String name, List<IndicatorRow> indicators) {}

  /**
   * One indicator.
   *
   * @param wijken per wijk the figure of the year as shown, empty text when none was delivered
   * @param trend per year of {@link Overview#years} the realised value for the chart, empty when absent or
   *     protected, so that the chart never draws what the table hides
   */
  record IndicatorRow(String number, String code, String name, String unit, String realised, String basis,
      String target, String status, List<String> wijken, String wijkTotal, String trend) {}
}
