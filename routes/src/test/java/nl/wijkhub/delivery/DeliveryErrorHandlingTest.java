package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryErrorHandlingTest {

  @Test
  void addressesInAFailureMessageAreMaskedAndTheRestIsKept() {
    assertThat(DeliveryErrorHandling.masked("550 5.1.1 <j.de.vries@gemeente.example>: Recipient address rejected;"
        + " also tellingen@dbieb.example"))
        .isEqualTo("550 5.1.1 <***@gemeente.example>: Recipient address rejected; also ***@dbieb.example");
    assertThat(DeliveryErrorHandling.masked("Topic wijkhub.indicators.v1 not present in metadata after 3000 ms."))
        .isEqualTo("Topic wijkhub.indicators.v1 not present in metadata after 3000 ms.");
    assertThat(DeliveryErrorHandling.masked(null)).isEmpty();
  }
}
