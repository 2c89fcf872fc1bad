package nl.wijkhub.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Logins of people (partners' keys are in {@code api-keys.yaml}; see {@link ApiKeySettings}).
 *
 * @param demoUsers the demo users of the embedded default ({@code demo-programmabureau}, {@code demo-beheer},
 *     {@code demo-<partnerId>}, ...), each with its own name as password; refused under the {@code prod} profile
 * @param failedLoginsPerMinute failed logins and key checks one client address may make per minute; after that its
 *     logins are refused with 429 until the minute has passed
 * @param oidc the OpenID Connect provider, off while its issuer is empty
 */
@Validated
@ConfigurationProperties("wijkhub.security")
public record SecuritySettings(boolean demoUsers, @Min(1) int failedLoginsPerMinute, @NotNull @Valid Oidc oidc) {

  /**
   * The organisation's identity provider, for pages (login) and people's API calls (its access tokens).
   *
   * @param issuer the provider's issuer URL, whose {@code /.well-known/openid-configuration} the hub reads at
   *     start; empty: no OpenID Connect
   * @param clientId the hub's client id at the provider; access tokens must name it in {@code aud}
   * @param clientSecret the hub's client secret; from the environment or a secret store
   * @param groupsClaim the claim listing the person's groups
   * @param groupPrefix groups that start with this name a hub role: {@code <prefix>staff:leeuwarden-oost}; others
   *     are ignored
   * @param secondFactorAcr {@code acr} values that mean a second factor was used
   * @param secondFactorAmr {@code amr} values (RFC 8176) of which one means a second factor was used
   */
  public record Oidc(String issuer, String clientId, String clientSecret, @NotBlank String groupsClaim,
      @NotNull String groupPrefix, @NotNull List<String> secondFactorAcr, @NotNull List<String> secondFactorAmr) {

    public boolean enabled() {
      return issuer != null && !issuer.isBlank();
    }
  }
}
