package nl.wijkhub.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reconciliation of a receipt against the store, as the partner page says it. */
class PartnerOverviewsTest {

  @Test
  void storeHoldingWhatTheReceiptAcceptedIsReconciled() {
    assertThat(PartnerOverviews.reconcile(true, 3, 3))
        .isEqualTo(new PartnerOverviews.Reconciliation(true, "klopt: 3 regels in de opslag"));
    assertThat(PartnerOverviews.reconcile(true, 1, 1).text()).isEqualTo("klopt: 1 regel in de opslag");
  }

  @Test
  void storeHoldingFewerOrMoreRowsIsAMismatchNamingBothNumbers() {
    assertThat(PartnerOverviews.reconcile(true, 3, 2)).isEqualTo(new PartnerOverviews.Reconciliation(false,
        "afwijking: het ontvangstbewijs nam 3 regels aan, de opslag heeft er 2"));
    assertThat(PartnerOverviews.reconcile(true, 0, 1).reconciled()).as("a trial is never stored").isFalse();
  }

  @Test
  void signalDeliveriesAreNotComparedWithTheMonitoringStore() {
    assertThat(PartnerOverviews.reconcile(false, 4, 0))
        .isEqualTo(new PartnerOverviews.Reconciliation(true, "niet van toepassing: geen tellingen"));
  }
}
