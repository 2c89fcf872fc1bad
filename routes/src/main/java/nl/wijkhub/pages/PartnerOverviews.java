package nl.wijkhub.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.wijkhub.connectors.monitoring.ObservationQuery;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.connectors.monitoring.StoredObservation;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.events.ReceiptError;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.monitoring.StoreRowCounts;
import nl.wijkhub.publish.ReceiptLedger;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.report.CellText;

/**
 * Builds a partner's own page. Every read is narrowed to the partner: its receipts, its rows in the store and its
 * own cells of the completeness matrix. Its own values are shown exactly, small ones too: it delivered them.
 */
final class PartnerOverviews {

  /** Receipts listed; older ones remain on the API's receipt endpoint. */
  static final int RECENT = 50;

  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm",
      Locale.forLanguageTag("nl"));

  private final ReferenceData reference;
  private final ReceiptLedger receipts;
  private final StoreRowCounts rows;
  private final ObservationStore store;
  private final CompletenessViews completeness;
  private final ZoneId zone;

  PartnerOverviews(ReferenceData reference, ReceiptLedger receipts, StoreRowCounts rows, ObservationStore store,
      CompletenessViews completeness, ZoneId zone) {
    this.reference = reference;
    this.receipts = receipts;
    this.rows = rows;
    this.store = store;
    this.completeness = completeness;
    this.zone = zone;
  }

  PartnerOverview build(Partner partner) {
    Programme programme = reference.programmes().stream().filter(p -> p.id().equals(partner.programme()))
        .findFirst().orElseThrow();
    Map<String, Long> stored = rows.perDelivery(partner.id());
    List<PartnerOverview.DeliveryRow> deliveries = receipts.recent(partner.id(), RECENT).stream()
        .map(r -> delivery(r, stored.getOrDefault(r.getSubmissionId(), 0L))).toList();
    List<PartnerOverview.OwnFigure> figures = store.current(new ObservationQuery(programme.id(), null, null, null,
        partner.id())).stream()
        .sorted(Comparator.comparing(StoredObservation::indicator).thenComparing(StoredObservation::period)
            .thenComparing(StoredObservation::wijk))
        .map(o -> figure(programme, o)).toList();
    // The latest year in which this partner owes anything: a quarterly figure of another partner may already be
    // due this year while this partner's yearly one is not.
    List<Integer> years = completeness.years(programme.id());
    for (int i = years.size() - 1; i >= 0; i--) {
      Optional<Completeness.PartnerBlock> owed = completeness.build(programme, years.get(i)).partners().stream()
          .filter(block -> block.id().equals(partner.id())).findFirst();
      if (owed.isPresent()) {
        return new PartnerOverview(partner.name(), programme.name(), deliveries, figures, owed.get(), years.get(i));
      }
    }
    return new PartnerOverview(partner.name(), programme.name(), deliveries, figures, null,
        years.get(years.size() - 1));
  }

  private PartnerOverview.DeliveryRow delivery(SubmissionReceipt receipt, long storedRows) {
    boolean counts = receipts.kind(receipt.getSubmissionId()).map(Delivery.Kind.COUNTS.name()::equals)
        .orElse(true);
    Reconciliation check = reconcile(counts, receipt.getDryRun() ? 0 : receipt.getAccepted(), storedRows);
    return new PartnerOverview.DeliveryRow(receipt.getSubmissionId(), moment(receipt.getReceivedAt()),
        CompletenessViews.channel(receipt.getChannel()), receipt.getSourceName(), status(receipt),
        receipt.getAccepted(), receipt.getRejected(), check.reconciled(), check.text(),
        receipt.getErrors().stream().map(PartnerOverviews::error).toList());
  }

  record Reconciliation(boolean reconciled, String text) {}

  /**
   * Whether the store holds exactly what a receipt accepted (nothing for a trial, which is never stored). Signals
   * are not in the monitoring store, so there is nothing to compare.
   */
  static Reconciliation reconcile(boolean counts, long accepted, long stored) {
    if (!counts) {
      return new Reconciliation(true, "niet van toepassing: geen tellingen");
    }
    return stored == accepted ? new Reconciliation(true, "klopt: " + rowsText(stored) + " in de opslag")
        : new Reconciliation(false, "afwijking: het ontvangstbewijs nam " + rowsText(accepted)
            + " aan, de opslag heeft er " + stored);
  }

  private PartnerOverview.OwnFigure figure(Programme programme, StoredObservation o) {
    String wijk = o.wijk().equals(Partner.ALL_WIJKEN) ? "heel programma" : programme.wijken().stream()
        .filter(w -> w.code().equals(o.wijk())).map(Programme.Wijk::name).findFirst().orElse(o.wijk());
    return new PartnerOverview.OwnFigure(reference.indicator(programme.id(), o.indicator()).map(Indicator::name)
        .orElse(o.indicator()), o.indicator(), wijk, o.period(),
        // What the partner itself delivered as withheld is shown as it wrote it, not as the 0 the store keeps.
        o.withheld() ? "<5" : CellText.number(o.value()), moment(o.receivedAt()));
  }

  private static String status(SubmissionReceipt receipt) {
    String status = switch (receipt.getStatus()) {
      case ACCEPTED -> "geaccepteerd";
      case PARTIALLY_ACCEPTED -> "gedeeltelijk geaccepteerd";
      case REJECTED -> "afgewezen";
      case DUPLICATE -> "al eerder ontvangen";
    };
    return receipt.getDryRun() ? status + " (proeflevering, niet opgeslagen)" : status;
  }

  private static String error(ReceiptError error) {
    StringBuilder text = new StringBuilder();
    if (error.getLine() != null) {
      text.append("Regel ").append(error.getLine());
      text.append(error.getField() == null ? ": " : ", kolom " + error.getField() + ": ");
    }
    return text.append(error.getMessage()).append(" [").append(error.getCode()).append(']').toString();
  }

  private static String rowsText(long rows) {
    return rows == 1 ? "1 regel" : rows + " regels";
  }

  private String moment(Instant at) {
    return MOMENT.format(at.atZone(zone));
  }
}
