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
 *
 * @param notifyProfessionals whether the parties agreed that the hub e-mails the professionals of a match whom
 *     else to contact (multiteam/notify); then at least one recipient may see {@link #NOTIFYING_FIELD}
 */
public record CovenantVersion(String covenantId, String covenantName, int version, LocalDate validFrom,
    LocalDate validUntil, String purpose, String legalGround, ProcessingActivity activity, List<String> parties,
    List<Supplier> suppliers, List<Recipient> recipients, List<Channel> channels, Period retention,
    Period matchWindow, URI processingActivityUri, boolean notifyProfessionals) {

  /** The field a recipient must see for the match e-mails to be sent from its copy: the professional's contact. */
  public static final String NOTIFYING_FIELD = "content.professionalContact";

  /** A party that may deliver signals of these types under this version. */
  public record Supplier(String partner, List<SignalType> signalTypes) {}

  /** A party that receives routed signals, with the RoutedSignal fields it may see (e.g. identity.bsn). */
  public record Recipient(String partner, List<String> fields) {

    public boolean permits(String field) {
      return fields.contains(field);
    }
  }

  /**
   * The recipient whose copy of a match tells its professionals, so that each is told once however many recipients
   * the version has: the first that may see the professionals' contacts; empty when none may.
   */
  public Optional<String> notifyingRecipient() {
    return recipients.stream().filter(r -> r.permits(NOTIFYING_FIELD)).map(Recipient::partner).findFirst();
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
