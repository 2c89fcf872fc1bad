package nl.wijkhub.mail;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.wijkhub.reference.Partner;

/**
 * Finds the partner a message comes from by its {@code From} address ({@code mailFrom} in partners.yaml, case
 * ignored). A message with more than one {@code From} address has no single sender and matches no partner.
 */
final class Senders {

  private final Map<String, Partner> byAddress = new HashMap<>();

  Senders(Collection<Partner> partners) {
    partners.forEach(partner -> partner.mailFrom().forEach(address -> byAddress.put(key(address), partner)));
  }

  Optional<Partner> partner(Address[] from) {
    if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress sender)
        || sender.getAddress() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byAddress.get(key(sender.getAddress())));
  }

  private static String key(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
