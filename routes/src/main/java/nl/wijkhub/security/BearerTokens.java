package nl.wijkhub.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * {@code Authorization: Bearer}: a partner's API key, else (when OpenID Connect is on) an access token of the
 * identity provider. Keys are looked up by hash; a token that is neither is a 401.
 */
final class BearerTokens implements AuthenticationManager {

  private final ApiKeys keys;
  private final Optional<AuthenticationProvider> providerTokens;

  BearerTokens(ApiKeys keys, Optional<AuthenticationProvider> providerTokens) {
    this.keys = keys;
    this.providerTokens = providerTokens;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String token = ((BearerTokenAuthenticationToken) authentication).getToken();
    Optional<String> partner = keys.partnerOf(token);
    if (partner.isPresent()) {
      return new HubAuthentication(HubPrincipal.partner(partner.get()));
    }
    // A JWT has three dot-separated parts; an API key has none (base64 without dots).
    if (providerTokens.isPresent() && token.chars().filter(c -> c == '.').count() == 2) {
      return providerTokens.get().authenticate(authentication);
    }
    throw new InvalidBearerTokenException("Unknown API key");
  }
}
