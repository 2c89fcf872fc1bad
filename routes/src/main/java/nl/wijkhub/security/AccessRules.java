package nl.wijkhub.security;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of who may call what. Each chain ({@link #API} for {@code /api/**} and {@code /actuator/**},
 * {@link #PAGES} for the rest) takes the first rule that matches; a request no rule matches is denied. Paths that
 * later pages and endpoints will use have their rule already, so that each lands behind the right door.
 */
final class AccessRules {

  /** Who a rule lets in. MultiTeam and privacy-officer areas show personal data and need a second factor. */
  enum Access {
    ANYONE,
    PARTNER,
    STAFF,
    PARTNER_OR_STAFF,
    OPERATOR,
    MULTITEAM_WITH_SECOND_FACTOR,
    PRIVACY_OFFICER_WITH_SECOND_FACTOR;

    /** The check for everyone but {@link #ANYONE}, which is permitAll. */
    AuthorizationManager<RequestAuthorizationContext> manager() {
      return switch (this) {
        case ANYONE -> throw new IllegalStateException("ANYONE is permitAll, not a check");
        case PARTNER -> role(Role.PARTNER);
        case STAFF -> role(Role.STAFF);
        case PARTNER_OR_STAFF -> AuthorityAuthorizationManager.hasAnyAuthority(Role.PARTNER.authority(),
            Role.STAFF.authority());
        case OPERATOR -> role(Role.OPERATOR);
        case MULTITEAM_WITH_SECOND_FACTOR -> AuthorizationManagers.allOf(role(Role.MULTITEAM),
            AuthorityAuthorizationManager.hasAuthority(HubPrincipal.SECOND_FACTOR));
        case PRIVACY_OFFICER_WITH_SECOND_FACTOR -> AuthorizationManagers.allOf(role(Role.PRIVACY_OFFICER),
            AuthorityAuthorizationManager.hasAuthority(HubPrincipal.SECOND_FACTOR));
      };
    }

    boolean needsSecondFactor() {
      return this == MULTITEAM_WITH_SECOND_FACTOR || this == PRIVACY_OFFICER_WITH_SECOND_FACTOR;
    }

    private static AuthorizationManager<RequestAuthorizationContext> role(Role role) {
      return AuthorityAuthorizationManager.hasAuthority(role.authority());
    }
  }

  /** One rule: a method (null: any) and a path pattern ({@code /**} also matches the bare prefix). */
  record Rule(HttpMethod method, String pattern, Access access) {

    boolean matches(String requestMethod, String path) {
      return (method == null || method.name().equals(requestMethod))
          && PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path));
    }
  }

  static final List<Rule> API = List.of(
      new Rule(HttpMethod.GET, "/api/v1/openapi.json", Access.ANYONE),
      // A partner sees its own figures, staff their programme's; the controller restricts by the caller.
      new Rule(HttpMethod.GET, "/api/v1/observations", Access.PARTNER_OR_STAFF),
      new Rule(null, "/api/v1/submissions/**", Access.PARTNER),
      new Rule(HttpMethod.POST, "/api/v1/signals/**", Access.PARTNER),
      new Rule(null, "/api/v1/programmes/**", Access.STAFF),
      new Rule(null, "/api/v1/beheer/**", Access.OPERATOR),
      new Rule(null, "/api/v1/multiteam/**", Access.MULTITEAM_WITH_SECOND_FACTOR),
      new Rule(null, "/api/v1/privacy/**", Access.PRIVACY_OFFICER_WITH_SECOND_FACTOR),
      // The bare status, for load balancers; its details (show-details when-authorized) only for operators.
      new Rule(HttpMethod.GET, "/actuator/health", Access.ANYONE),
      new Rule(null, "/actuator/**", Access.OPERATOR));

  static final List<Rule> PAGES = List.of(
      new Rule(null, "/login", Access.ANYONE),
      new Rule(null, "/logout", Access.ANYONE),
      new Rule(null, "/error", Access.ANYONE),
      new Rule(HttpMethod.GET, "/css/**", Access.ANYONE),
      new Rule(HttpMethod.GET, "/js/**", Access.ANYONE),
      new Rule(HttpMethod.GET, "/images/**", Access.ANYONE),
      new Rule(HttpMethod.GET, "/webjars/**", Access.ANYONE),
      new Rule(HttpMethod.GET, "/favicon.ico", Access.ANYONE),
      new Rule(null, "/publiek/**", Access.ANYONE),
      new Rule(null, "/dashboard/**", Access.STAFF),
      // A partner's own deliveries, receipts and figures; the page takes the partner from the login.
      new Rule(HttpMethod.GET, "/partner", Access.PARTNER),
      new Rule(null, "/multiteam/**", Access.MULTITEAM_WITH_SECOND_FACTOR),
      new Rule(null, "/privacy/**", Access.PRIVACY_OFFICER_WITH_SECOND_FACTOR));

  /** The patterns of the API chain; everything else is a page. */
  static final String[] API_PATHS = {"/api/**", "/actuator/**"};

  private AccessRules() {}

  /** The rule that decides a request, as Spring Security picks it; empty: denied by default. */
  static Optional<Rule> ruleFor(String method, String path) {
    List<Rule> chain = path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator") ? API
        : PAGES;
    return chain.stream().filter(rule -> rule.matches(method, path)).findFirst();
  }
}
