package nl.wijkhub.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A caller authenticated by an API key or a provider's bearer token; its principal is the {@link HubPrincipal}. */
final class HubAuthentication extends AbstractAuthenticationToken {

  private final HubPrincipal principal;

  HubAuthentication(HubPrincipal principal) {
    super(principal.authorities());
    this.principal = principal;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    // Never kept: a key or token is checked once and forgotten.
    return null;
  }

  @Override
  public HubPrincipal getPrincipal() {
    return principal;
  }

  @Override
  public String getName() {
    return principal.name();
  }
}
