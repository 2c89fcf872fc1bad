package nl.wijkhub.covenant;

import java.net.URI;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import nl.wijkhub.events.SignalType;

/**
 * One signed version of a covenant: a signal dated inside [validFrom, validUntil] is routed under it. Texts for
 * people (purpose, legal ground) are Dutch. {@code validUntil} null means open-ended.
 */
public record CovenantVersion(String covenantId, String covenantName, int version, LocalDate validFrom,
    LocalDate validUntil, String purpose, String legalGround, ProcessingActivity activity, List<String> parties,
    List<Supplier> suppliers, List<Recipient> recipients, List<Channel> channels, Period retention,
    Period matchWindow, URI processingActivityUri) {

  /** A party that may deliver signals of these types under this version. */
  public record Supplier(String partner, List<SignalType> signalTypes) {}

  /** A party that receives routed signals, with the RoutedSignal fields it may see (e.g. identity.bsn). */
  public record Recipient(String partner, List<String> fields) {

    public boolean permits(String field) {
      return fields.contains(field);
    }
  }

  public boolean isValidOn(LocalDate date) {
    return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
  }

  public Optional<Supplier> supplier(String partner) {
    return suppliers.stream().filter(s -> s.partner().equals(partner)).findFirst();
  }

  public boolean allows(String supplier, SignalType type) {
    return supplier(supplier).map(s -> s.signalTypes().contains(type)).orElse(false);
  }

  /** Last day of validity for overlap checks; an open end is far enough in the future to compare with. */
  LocalDate lastDay() {
    return validUntil == null ? LocalDate.MAX : validUntil;
  }
}
