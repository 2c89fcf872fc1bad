package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.wijkhub.events.LedgerEntry;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.ReceiptLedger;
import org.junit.jupiter.api.Test;

/** A signal delivery's file name may name the person it is about; the receipt and the ledger never carry it. */
class SignalsLabelTest {

  private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private static Delivery named(String name, String sha256) {
    return Delivery.of("politie-leeuwarden-oost", "SFTP", name, Path.of("spooled"), sha256, 10, Fixtures.RECEIVED_AT);
  }

  @Test
  void aSignalDeliveryIsLabelledByItsContentNotByItsFileName() {
    Delivery signals = named("zorgen-over-jan-de-vries.csv", SHA).as(Delivery.Kind.SIGNALS);

    SubmissionReceipt receipt = new ReceiptBuilder(signals).build(Fixtures.RECEIVED_AT);
    LedgerEntry entry = ReceiptLedger.entryOf(receipt, signals.kind().name());

    assertThat(signals.sourceName()).isEqualTo("signalen-0123456789ab.csv");
    assertThat(receipt.getSourceName()).isEqualTo("signalen-0123456789ab.csv");
    assertThat(entry.getSourceName()).isEqualTo("signalen-0123456789ab.csv");
    assertThat(signals.format()).contains(Delivery.DeliveryFormat.CSV);
  }

  @Test
  void theLabelKeepsTheFormatAndFallsBackOnTheSubmissionWhenNothingWasHashed() {
    assertThat(named("Jan.xlsx", SHA).as(Delivery.Kind.SIGNALS).sourceName()).isEqualTo("signalen-0123456789ab.xlsx");
    Delivery unread = named("Jan de Vries.pdf", "").as(Delivery.Kind.SIGNALS);
    assertThat(unread.sourceName()).isEqualTo("signalen-" + unread.submissionId()).doesNotContain("Jan");
    assertThat(unread.format()).isEmpty();
  }

  @Test
  void aCountsDeliveryKeepsItsFileName() {
    assertThat(named("dbieb-2024.csv", SHA).as(Delivery.Kind.COUNTS).sourceName()).isEqualTo("dbieb-2024.csv");
  }
}
