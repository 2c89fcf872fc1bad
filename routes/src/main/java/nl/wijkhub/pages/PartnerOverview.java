package nl.wijkhub.pages;

import java.util.List;

/**
 * What a partner sees of its own: its deliveries with their receipts, checked against the store, the figures it
 * delivered and what it still owes. Nothing of any other partner.
 */
record PartnerOverview(String partnerName, String programmeName, List<DeliveryRow> deliveries,
    List<OwnFigure> figures, Completeness.PartnerBlock owed, int owedYear) {

  /**
   * One delivery.
   *
   * @param reconciled true when the store holds exactly the rows its receipt accepted
   * @param reconciliation that check in words, with both numbers when they differ
   * @param errors the receipt's problems, each as "Regel 3, kolom wijk: ..."
   */
  record DeliveryRow(String submissionId, String receivedAt, String channel, String sourceName, String status,
      long accepted, long rejected, boolean reconciled, String reconciliation, List<String> errors) {}

  record OwnFigure(String indicator, String code, String wijk, String period, String value, String receivedAt) {}
}
