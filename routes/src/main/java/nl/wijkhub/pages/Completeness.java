package nl.wijkhub.pages;

import java.util.List;

/**
 * What the completeness page shows for a programme and year, already as text.
 *
 * @param share the share of figures due in the year that arrived, as a percentage
 * @param partners one block per partner that owes figures in the year, in partner order
 */
record Completeness(String programme, String programmeName, int year, List<Integer> years, String share,
    List<PartnerBlock> partners) {

  record PartnerBlock(String id, String name, String share, List<Line> lines) {}

  /**
   * One expected figure.
   *
   * @param state the state as the page says it ("ontbreekt")
   * @param style the CSS class for the state, which repeats the text and never replaces it
   */
  record Line(String indicator, String code, String period, boolean followUp, String due, String state,
      String style, String arrivedAt, String channel) {}
}
