package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import nl.wijkhub.reference.Partner;
import org.junit.jupiter.api.Test;

class SendersTest {

  private final Senders senders = new Senders(List.of(
      new Partner("dbieb", "DBieb", "oost", "bibliotheek", null, List.of("Tellingen@DBieb.example"), null),
      new Partner("gezinslab", "Gezinslab", "oost", "welzijn", null, null, null)));

  @Test
  void registeredAddressFindsItsPartnerWhateverTheCaseAndDisplayName() throws AddressException {
    assertThat(senders.partner(from("\"DBieb cijfers\" <tellingen@dbieb.EXAMPLE>"))).get()
        .extracting(Partner::id).isEqualTo("dbieb");
  }

  @Test
  void unregisteredAddressFindsNoPartner() throws AddressException {
    assertThat(senders.partner(from("iemand@dbieb.example"))).isEmpty();
  }

  @Test
  void messageWithTwoFromAddressesOrNoneHasNoSingleSenderAndFindsNoPartner() throws AddressException {
    assertThat(senders.partner(InternetAddress.parse("tellingen@dbieb.example, ander@dbieb.example"))).isEmpty();
    assertThat(senders.partner(null)).isEmpty();
    assertThat(senders.partner(new Address[0])).isEmpty();
  }

  private static Address[] from(String address) throws AddressException {
    return new Address[] {new InternetAddress(address)};
  }
}
