package nl.wijkhub.accessrequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.ProcessingActivity;

/**
 * The categories of personal data a step passed on, in the words of the letter to the resident. A recipient of the
 * covenant version received exactly the fields the version permits it (plus the kind of signal and the pseudonym,
 * which every routed signal carries); any other party (the supplier, the hub) handled what the register names.
 */
final class DataCategories {

  private static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("wijk", "wijk"),
      Map.entry("signalDate", "datum van het signaal"),
      Map.entry("urgency", "urgentie"),
      Map.entry("identity.bsn", "BSN"),
      Map.entry("identity.name", "naam"),
      Map.entry("identity.dateOfBirth", "geboortedatum"),
      Map.entry("identity.address", "adres"),
      Map.entry("content.professionalName", "naam van de melder"),
      Map.entry("content.professionalContact", "contactgegevens van de melder"),
      Map.entry("content.note", "toelichting"));

  /**
   * What the professional of a signal learns from a match notification (multiteam/notify): that another
   * organisation signalled about the same person, and whom to contact there; nothing of the signals themselves.
   */
  private static final List<String> NOTIFIED = List.of("dat ook een andere organisatie een signaal gaf",
      "naam, organisatie en contactgegevens van de andere melders");

  private DataCategories() {}

  static List<String> of(CovenantVersion version, String organisation, String step) {
    return "genotificeerd".equals(step) ? NOTIFIED : of(version, organisation);
  }

  private static List<String> of(CovenantVersion version, String organisation) {
    return version.recipients().stream().filter(r -> r.partner().equals(organisation)).findFirst()
        .map(DataCategories::received).orElseGet(() -> handled(version.activity()));
  }

  private static List<String> received(CovenantVersion.Recipient recipient) {
    List<String> categories = new ArrayList<>(List.of("soort signaal", "pseudoniem"));
    recipient.fields().forEach(field -> categories.add(FIELDS.getOrDefault(field, field)));
    return List.copyOf(categories);
  }

  private static List<String> handled(ProcessingActivity activity) {
    return activity.dataCategories();
  }
}
