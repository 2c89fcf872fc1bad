package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DeliveryErrorHandlingTest {

  @Test
  void aFailureIsLoggedByItsClassNeverByAMessageThatMayQuoteTheDelivery(CapturedOutput output) {
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException(
        "Unrecognized token 'Jansen' near 111222333 for j.de.vries@gemeente.example"));

    DeliveryErrorHandling.logFailure(exchange);

    assertThat(output.getAll()).contains("Delivery not ingested, will retry: IllegalStateException")
        .doesNotContain("Jansen", "111222333", "j.de.vries");
  }
}
