package nl.wijkhub.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a person's roles and second factor from the identity provider's claims (ID token or access token): every
 * value of the group claim that starts with the prefix is a grant ({@code wijkhub:staff:leeuwarden-oost}); an
 * {@code acr} or {@code amr} value from the configured lists means a second factor was used.
 */
final class ProviderClaims {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderClaims.class);

  private final SecuritySettings.Oidc settings;
  private final Principals principals;

  ProviderClaims(SecuritySettings.Oidc settings, Principals principals) {
    this.settings = settings;
    this.principals = principals;
  }

  HubPrincipal principal(String subject, Map<String, Object> claims) {
    List<String> grants = strings(claims.get(settings.groupsClaim())).stream()
        .filter(group -> group.startsWith(settings.groupPrefix()))
        .map(group -> group.substring(settings.groupPrefix().length()))
        .toList();
    List<String> problems = new ArrayList<>();
    HubPrincipal principal = principals.build(subject, grants, secondFactor(claims), "a group from the identity"
        + " provider, ", problems);
    // Group names are configuration, not personal data; the subject is left out.
    problems.forEach(problem -> LOG.warn("Ignored {}", problem));
    return principal;
  }

  boolean secondFactor(Map<String, Object> claims) {
    Object acr = claims.get("acr");
    return acr != null && settings.secondFactorAcr().contains(acr.toString())
        || strings(claims.get("amr")).stream().anyMatch(settings.secondFactorAmr()::contains);
  }

  /** A claim that providers send as one string or as a list of them. */
  private static List<String> strings(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return claim == null ? List.of() : List.of(claim.toString());
  }
}
