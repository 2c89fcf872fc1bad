package nl.wijkhub.accessrequest;

import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.covenant.ProcessingActivity;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;

/**
 * One activity of the register as article 30 asks for it: besides what {@code verwerkingsregister.yaml} says, the
 * recipients and retention periods of the covenant versions that carry the activity, so that the export cannot
 * disagree with what the hub actually routes and deletes.
 */
record RegisterEntry(String id, String name, String purpose, String legalGround, String controller,
    String dataCategories, String dataSubjects, String recipients, String retention, String uri) {

  static RegisterEntry of(ProcessingActivity activity, Covenants covenants, ReferenceData reference) {
    Set<String> recipients = new LinkedHashSet<>();
    List<String> retention = new ArrayList<>();
    for (String covenant : covenants.ids().stream().sorted().toList()) {
      for (CovenantVersion version : covenants.versions(covenant)) {
        if (version.activity().id().equals(activity.id())) {
          version.recipients().forEach(r -> recipients.add(name(reference, r.partner())));
          retention.add(version.covenantName() + " versie " + version.version() + ": " + dutch(version.retention())
              + " na de datum van het signaal");
        }
      }
    }
    return new RegisterEntry(activity.id(), activity.name(), activity.purpose(), activity.legalGround(),
        name(reference, activity.controller()), String.join(", ", activity.dataCategories()),
        activity.dataSubjects() == null ? "" : activity.dataSubjects(), String.join(", ", recipients),
        String.join("; ", retention), covenants.activityUri(activity.id()).toString());
  }

  private static String name(ReferenceData reference, String partner) {
    return reference.partner(partner).map(Partner::name).orElse(partner);
  }

  /** {@code P18M} as "18 maanden", {@code P1Y} as "1 jaar": the letter's words, not ISO. */
  static String dutch(Period period) {
    List<String> parts = new ArrayList<>();
    if (period.getYears() != 0) {
      parts.add(period.getYears() + " jaar");
    }
    if (period.getMonths() != 0) {
      parts.add(period.getMonths() + (period.getMonths() == 1 ? " maand" : " maanden"));
    }
    if (period.getDays() != 0 || parts.isEmpty()) {
      parts.add(period.getDays() + (period.getDays() == 1 ? " dag" : " dagen"));
    }
    return String.join(" en ", parts);
  }
}
