package nl.wijkhub.security;

import java.util.List;

/** Security settings as application.yaml gives them, for unit tests. */
final class SecuritySettingsFixture {

  private SecuritySettingsFixture() {}

  static SecuritySettings settings(boolean demoUsers) {
    return new SecuritySettings(demoUsers, 10, oidc("https://login.example/realms/wijkhub"));
  }

  static SecuritySettings.Oidc oidc(String issuer) {
    return new SecuritySettings.Oidc(issuer, "wijkhub", "", "groups", "wijkhub:", List.of("substantial"),
        List.of("mfa", "otp", "hwk", "sc"));
  }
}
