package nl.wijkhub.multiteam.inbox;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.http.HttpStatus;

/**
 * Which recipient's copies a member reads. A covenant may route one signal to several recipients, each its own
 * copy sealed for it; a member reads only the copies of the MultiTeam it belongs to. The grant names that recipient
 * ({@code multiteam:<covenant>/<recipient>}); a plain {@code multiteam:<covenant>} is enough while the covenant has
 * exactly one recipient.
 */
final class InboxMembership {

  private InboxMembership() {}

  /** The covenant ids the caller's grants reach, whether or not they name a recipient. */
  static Set<String> covenantsOf(HubPrincipal caller) {
    return caller.covenants().stream().map(InboxMembership::covenantOf).collect(Collectors.toSet());
  }

  /**
   * The one recipient of this covenant whose copies the caller reads.
   *
   * @throws InboxRefused 403 when the caller is no member of one recipient of the covenant
   */
  static String recipientOf(HubPrincipal caller, String covenantId, List<CovenantVersion> versions) {
    Set<String> recipients = versions.stream().flatMap(v -> v.recipients().stream())
        .map(CovenantVersion.Recipient::partner).collect(Collectors.toSet());
    Set<String> grants = caller.covenants().stream().filter(g -> covenantOf(g).equals(covenantId))
        .collect(Collectors.toSet());
    Set<String> named = grants.stream().filter(g -> g.contains("/")).map(g -> g.substring(g.indexOf('/') + 1))
        .filter(recipients::contains).collect(Collectors.toSet());
    if (named.size() == 1) {
      return named.iterator().next();
    }
    if (named.isEmpty() && grants.contains(covenantId) && recipients.size() == 1) {
      return recipients.iterator().next();
    }
    throw new InboxRefused(HttpStatus.FORBIDDEN, "ONTVANGER_ONBEKEND", "Geen toegang",
        "Dit convenant heeft meer dan één ontvanger en uw toegang noemt niet precies één daarvan. Vraag de"
            + " beheerder om de rol multiteam:" + covenantId + "/<ontvanger> (een van "
            + recipients.stream().sorted().toList() + ").");
  }

  private static String covenantOf(String grant) {
    int slash = grant.indexOf('/');
    return slash < 0 ? grant : grant.substring(0, slash);
  }
}
