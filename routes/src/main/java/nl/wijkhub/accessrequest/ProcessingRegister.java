package nl.wijkhub.accessrequest;

import java.util.List;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.security.HubPrincipal;

/** The register of processing activities an officer answers for, as the article 30 export lists it. */
final class ProcessingRegister {

  private final OfficerScope scope;
  private final Covenants covenants;
  private final ReferenceData reference;

  ProcessingRegister(OfficerScope scope, Covenants covenants, ReferenceData reference) {
    this.scope = scope;
    this.covenants = covenants;
    this.reference = reference;
  }

  List<RegisterEntry> of(HubPrincipal officer) {
    return scope.registerOf(officer.municipalities()).stream()
        .map(a -> RegisterEntry.of(a, covenants, reference)).toList();
  }

  /** The file name of the export, e.g. {@code verwerkingsregister-leeuwarden.csv}. */
  static String fileName(HubPrincipal officer) {
    return "verwerkingsregister-" + String.join("-", officer.municipalities().stream().sorted().toList()) + ".csv";
  }
}
