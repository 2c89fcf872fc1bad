package nl.wijkhub.security;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person logged in through the identity provider, with the hub's principal read from the provider's claims. */
final class HubOidcUser extends DefaultOidcUser implements HubPrincipal.Carrier {

  private final HubPrincipal hub;

  HubOidcUser(HubPrincipal hub, OidcIdToken idToken, OidcUserInfo userInfo) {
    super(hub.authorities(), idToken, userInfo);
    this.hub = hub;
  }

  @Override
  public HubPrincipal hub() {
    return hub;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HubOidcUser user && super.equals(user) && hub.equals(user.hub);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + hub.hashCode();
  }
}
