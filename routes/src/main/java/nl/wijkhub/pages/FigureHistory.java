package nl.wijkhub.pages;

import java.util.List;

/**
 * The history page of one indicator, for the programme's staff: per wijk and period every value ever delivered,
 * oldest first, with the delivery, time, channel, partner and whether it counts, was replaced or was withdrawn.
 *
 * @param message what a withdrawal just did, or null
 */
record FigureHistory(String programme, String programmeName, String indicator, String indicatorName,
    List<Figure> figures, String message) {

  /** The revisions of one wijk and period. */
  record Figure(String wijk, String period, List<Line> revisions) {}

  /**
   * One delivered value.
   *
   * @param state "telt", "vervangen" or "ingetrokken op ..."
   * @param withdrawable whether the staff may still withdraw its delivery
   */
  record Line(String submissionId, String receivedAt, String channel, String partner, String value, String note,
      String state, boolean withdrawable) {}
}
