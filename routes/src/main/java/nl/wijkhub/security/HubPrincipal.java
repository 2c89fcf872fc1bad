package nl.wijkhub.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller as every controller sees it, however it logged in: its roles and what each role reaches. A controller
 * takes it as a parameter ({@link HubPrincipalResolver}) and restricts what it reads by it.
 *
 * @param name the login name or the provider's subject; never logged, it may name a person
 * @param roles every role the caller holds
 * @param partner the partner id for {@link Role#PARTNER}, else null
 * @param programmes programmes whose office the caller works for ({@link Role#STAFF})
 * @param covenants covenants whose MultiTeam the caller belongs to ({@link Role#MULTITEAM}), as granted: a covenant
 *     id, or {@code <covenant>/<recipient>} naming the recipient where the covenant has several
 * @param municipalities municipalities (data controllers) whose privacy officer the caller is
 *     ({@link Role#PRIVACY_OFFICER}); their programmes are in programmes.yaml
 * @param secondFactor whether the login used a second factor, which personal data needs
 */
public record HubPrincipal(String name, Set<Role> roles, String partner, Set<String> programmes,
    Set<String> covenants, Set<String> municipalities, boolean secondFactor) {

  /** The authority a login with a second factor holds besides its roles. */
  public static final String SECOND_FACTOR = "SECOND_FACTOR";

  public HubPrincipal {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    programmes = Set.copyOf(programmes);
    covenants = Set.copyOf(covenants);
    municipalities = Set.copyOf(municipalities);
  }

  /** A partner's system calling with its API key. */
  static HubPrincipal partner(String partnerId) {
    return new HubPrincipal(partnerId, Set.of(Role.PARTNER), partnerId, Set.of(), Set.of(), Set.of(), false);
  }

  /** A login's principal object that carries the hub's principal (a local user, an OpenID Connect user). */
  interface Carrier {
    HubPrincipal hub();
  }

  /** The caller of the current request, when it logged in. */
  public static Optional<HubPrincipal> current() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  static Optional<HubPrincipal> of(Authentication authentication) {
    Object principal = authentication == null ? null : authentication.getPrincipal();
    if (principal instanceof HubPrincipal hub) {
      return Optional.of(hub);
    }
    return principal instanceof Carrier carrier ? Optional.of(carrier.hub()) : Optional.empty();
  }

  /** What Spring Security checks: one authority per role, and {@link #SECOND_FACTOR} when it was used. */
  Collection<GrantedAuthority> authorities() {
    return Stream.concat(roles.stream().map(Role::authority), secondFactor ? Stream.of(SECOND_FACTOR)
        : Stream.empty()).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * Whether the caller may see a monitoring figure: a partner its own, programme staff their programme's.
   * Operators, MultiTeam members and privacy officers have no business with the figures.
   */
  public boolean maySeeFigure(String programme, String deliveringPartner) {
    return has(Role.PARTNER) && partner.equals(deliveringPartner)
        || has(Role.STAFF) && programmes.contains(programme);
  }
}
