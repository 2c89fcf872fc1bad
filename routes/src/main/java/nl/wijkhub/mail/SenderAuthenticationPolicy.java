package nl.wijkhub.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Production's rule for the e-mail channel: a partner's mail must be authenticated by the hub's own mail server
 * (DMARC or DKIM, see {@link SenderAuthentication}), because the From header alone can be written by anyone. Under
 * the {@code prod} profile the hub refuses to start without it, unless the operator waives it explicitly.
 */
final class SenderAuthenticationPolicy {

  static final String WAIVER = "wijkhub.mail.allow-unauthenticated-senders";
  private static final Logger LOG = LoggerFactory.getLogger(SenderAuthenticationPolicy.class);

  private SenderAuthenticationPolicy() {}

  /**
   * Checks the settings at start-up.
   *
   * @throws IllegalStateException under {@code prod} when sender authentication is off and not waived
   */
  static void check(MailSettings settings, Environment environment) {
    if (!settings.sendersUnauthenticated() || !environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    if (!settings.allowUnauthenticatedSenders()) {
      throw new IllegalStateException("wijkhub.mail.trusted-authserv-id is empty under the prod profile: anyone"
          + " could deliver counts in a partner's name by writing its address in From. Set"
          + " WIJKHUB_MAIL_TRUSTED_AUTHSERV_ID to the authserv-id of your mail server's Authentication-Results header,"
          + " or accept the risk explicitly with " + WAIVER + "=true (WIJKHUB_MAIL_ALLOW_UNAUTHENTICATED_SENDERS).");
    }
    LOG.warn("E-mail sender authentication is OFF under the prod profile ({}=true): the From header alone names the"
        + " partner", WAIVER);
  }

  /** What health shows about sender authentication. */
  static String describe(MailSettings settings) {
    return settings.sendersUnauthenticated()
        ? "OFF: the From header alone names the partner" + (settings.allowUnauthenticatedSenders()
            ? " (waived with " + WAIVER + ")" : "")
        : "DMARC or DKIM pass from " + settings.trustedAuthservId();
  }
}
