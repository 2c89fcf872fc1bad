package nl.wijkhub.mail;

import jakarta.mail.Service;
import jakarta.mail.Session;
import java.util.Properties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the hub can log in to its mailbox (IMAP) and to the server its replies go out through (SMTP); shows
 * whether partners' senders are authenticated, so that a waived check is visible where operators look.
 */
class MailHealthIndicator extends AbstractHealthIndicator {

  private static final String TIMEOUT_MS = "3000";

  private final MailSettings settings;

  MailHealthIndicator(MailSettings settings) {
    super("Mail server is not reachable");
    this.settings = settings;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    builder.withDetail("senderAuthentication", SenderAuthenticationPolicy.describe(settings))
        .withDetail("imap", settings.imap().authority())
        .withDetail("smtp", settings.smtp().authority());
    Session session = Session.getInstance(timeouts());
    try (Service imap = session.getStore(settings.imap().ssl() ? "imaps" : "imap")) {
      login(imap, settings.imap());
    }
    try (Service smtp = session.getTransport(settings.smtp().ssl() ? "smtps" : "smtp")) {
      login(smtp, settings.smtp());
    }
    builder.up();
  }

  private static void login(Service service, MailSettings.Server server) throws Exception {
    boolean anonymous = server.user() == null || server.user().isBlank();
    service.connect(server.host(), server.port(), anonymous ? null : server.user(),
        anonymous ? null : server.password());
  }

  private static Properties timeouts() {
    Properties properties = new Properties();
    for (String protocol : new String[] {"imap", "imaps", "smtp", "smtps"}) {
      properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
      properties.put("mail." + protocol + ".timeout", TIMEOUT_MS);
    }
    return properties;
  }
}
