package nl.wijkhub.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.reference.ReferenceData;

/**
 * Builds a {@link HubPrincipal} from grants written {@code role} or {@code role:scope} ({@code staff:leeuwarden-oost},
 * {@code operator}, {@code multiteam:pmg-leeuwarden-oost} (or {@code multiteam:<covenant>/<recipient>} where a
 * covenant has several recipients), {@code privacy-officer:leeuwarden},
 * {@code partner:dbieb}), as the user file and the identity provider's group claim write them. A scope must exist in
 * the reference data: a grant for an unknown programme would otherwise silently reach nothing.
 */
final class Principals {

  /** Covenants are configured elsewhere; until then their ids only need to be well-formed. */
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final ReferenceData reference;
  private final Set<String> municipalities;

  Principals(ReferenceData reference) {
    this.reference = reference;
    this.municipalities = reference.programmes().stream().map(Programme::municipality).collect(Collectors.toSet());
  }

  /**
   * The principal of these grants; each grant that is wrong is described in {@code problems} (prefixed by
   * {@code where}) and left out.
   */
  HubPrincipal build(String name, Collection<String> grants, boolean secondFactor, String where,
      List<String> problems) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Set<String> partners = new HashSet<>();
    Set<String> programmes = new HashSet<>();
    Set<String> covenants = new HashSet<>();
    Set<String> ownMunicipalities = new HashSet<>();
    for (String grant : grants) {
      String problem = check(grant);
      if (problem != null) {
        problems.add(where + "'" + grant + "' " + problem);
        continue;
      }
      int colon = grant.indexOf(':');
      Role role = Role.ofId(colon < 0 ? grant : grant.substring(0, colon)).orElseThrow();
      String scope = colon < 0 ? null : grant.substring(colon + 1);
      roles.add(role);
      switch (role) {
        case PARTNER -> partners.add(scope);
        case STAFF -> programmes.add(scope);
        case MULTITEAM -> covenants.add(scope);
        case PRIVACY_OFFICER -> ownMunicipalities.add(scope);
        case OPERATOR -> { }
      }
    }
    if (partners.size() > 1) {
      problems.add(where + "a login acts for one partner only, not " + partners.stream().sorted().toList());
      roles.remove(Role.PARTNER);
      partners.clear();
    }
    return new HubPrincipal(name, roles, partners.stream().findFirst().orElse(null), programmes, covenants,
        ownMunicipalities, secondFactor);
  }

  /** Null when the grant is right, else what is wrong with it and how to fix it. */
  private String check(String grant) {
    int colon = grant.indexOf(':');
    String roleId = colon < 0 ? grant : grant.substring(0, colon);
    Role role = Role.ofId(roleId).orElse(null);
    if (role == null) {
      return "names no role; use one of partner, staff, operator, multiteam, privacy-officer";
    }
    String scope = colon < 0 ? "" : grant.substring(colon + 1);
    if (!role.scoped()) {
      return scope.isEmpty() ? null : "takes no scope; write just '" + role.id() + "'";
    }
    if (scope.isEmpty()) {
      return "needs a scope; write '" + role.id() + ":<id>'";
    }
    return switch (role) {
      case PARTNER -> reference.partner(scope).isPresent() ? null
          : "names partner '" + scope + "', which is not in partners.yaml";
      case STAFF -> reference.programmes().stream().anyMatch(p -> p.id().equals(scope)) ? null
          : "names programme '" + scope + "', which is not in programmes.yaml";
      case PRIVACY_OFFICER -> municipalities.contains(scope) ? null
          : "names municipality '" + scope + "', which owns no programme in programmes.yaml (known: "
              + municipalities.stream().sorted().toList() + ")";
      case MULTITEAM -> checkMultiTeam(scope);
      case OPERATOR -> null;
    };
  }

  /** A covenant id, and the recipient (a partner) whose MultiTeam it is where the covenant has several. */
  private String checkMultiTeam(String scope) {
    int slash = scope.indexOf('/');
    String covenant = slash < 0 ? scope : scope.substring(0, slash);
    if (!ID.matcher(covenant).matches()) {
      return "names covenant '" + covenant + "', which is not an id (lower case letters, digits and '-')";
    }
    String recipient = slash < 0 ? null : scope.substring(slash + 1);
    return recipient == null || reference.partner(recipient).isPresent() ? null
        : "names recipient '" + recipient + "', which is not in partners.yaml; write 'multiteam:<covenant>' or"
            + " 'multiteam:<covenant>/<recipient partner id>'";
  }
}
