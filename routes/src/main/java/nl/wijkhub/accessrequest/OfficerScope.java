package nl.wijkhub.accessrequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.covenant.ProcessingActivity;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataException;

/**
 * What a privacy officer of a municipality answers for: the covenants whose processing activity that municipality
 * controls (the activity's controller is a partner of one of the municipality's programmes), the register entries
 * it controls, and the register activity its access requests are logged under ({@code inzageverzoek-<municipality>}).
 * Built at start-up, which stops when a municipality controls a covenant but has no such activity.
 */
final class OfficerScope {

  static final String ACTIVITY_PREFIX = "inzageverzoek-";

  private final Covenants covenants;
  private final Map<String, String> municipalityOfPartner;
  private final Map<String, Set<String>> covenantsByMunicipality = new TreeMap<>();

  OfficerScope(Covenants covenants, ReferenceData reference) {
    this.covenants = covenants;
    Map<String, String> programmeMunicipality = new LinkedHashMap<>();
    reference.programmes().forEach(p -> programmeMunicipality.put(p.id(), p.municipality()));
    this.municipalityOfPartner = new LinkedHashMap<>();
    for (Partner partner : reference.partners()) {
      String municipality = programmeMunicipality.get(partner.programme());
      if (municipality != null) {
        municipalityOfPartner.put(partner.id(), municipality);
      }
    }
    List<String> problems = new ArrayList<>();
    for (String covenant : covenants.ids()) {
      for (CovenantVersion version : covenants.versions(covenant)) {
        String municipality = municipalityOfPartner.get(version.activity().controller());
        if (municipality == null) {
          problems.add("verwerkingsregister.yaml, activity '" + version.activity().id() + "': controller '"
              + version.activity().controller() + "' belongs to no programme's municipality in programmes.yaml;"
              + " name the municipality's own partner (e.g. gemeente-leeuwarden)");
          continue;
        }
        covenantsByMunicipality.computeIfAbsent(municipality, m -> new TreeSet<>()).add(covenant);
      }
    }
    for (String municipality : covenantsByMunicipality.keySet()) {
      if (covenants.activity(ACTIVITY_PREFIX + municipality).isEmpty()) {
        problems.add("verwerkingsregister.yaml: no activity '" + ACTIVITY_PREFIX + municipality + "'; municipality '"
            + municipality + "' controls covenants " + covenantsByMunicipality.get(municipality) + ", so its privacy"
            + " officer answers access requests, which are logged under that activity. Add it (purpose: answering"
            + " access requests, legalGround: AVG art. 15, controller: the municipality's partner id)");
      }
    }
    if (!problems.isEmpty()) {
      throw new ReferenceDataException(problems);
    }
  }

  /** The covenants the officer's municipalities control, sorted by id. */
  List<String> covenantsOf(Collection<String> municipalities) {
    Set<String> ids = new TreeSet<>();
    municipalities.forEach(m -> ids.addAll(covenantsByMunicipality.getOrDefault(m, Set.of())));
    return List.copyOf(ids);
  }

  /** The register entries whose controller belongs to one of these municipalities, in the register's order. */
  List<ProcessingActivity> registerOf(Collection<String> municipalities) {
    return covenants.activities().stream()
        .filter(a -> municipalities.contains(municipalityOfPartner.get(a.controller()))).toList();
  }

  /** The activity an access request of this municipality is logged under, when the municipality has one. */
  Optional<ProcessingActivity> accessRequestActivity(String municipality) {
    return covenants.activity(ACTIVITY_PREFIX + municipality);
  }

  URI activityUri(ProcessingActivity activity) {
    return covenants.activityUri(activity.id());
  }
}
