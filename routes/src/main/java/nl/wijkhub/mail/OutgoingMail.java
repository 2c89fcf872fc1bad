package nl.wijkhub.mail;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.builder.endpoint.StaticEndpointBuilders;

/**
 * A mail the hub writes on its own (a reminder, a match notification), as the mail channel writes its replies: the
 * complete message, so that the SMTP endpoint sends it as it is and no exchange header can change its recipients.
 * {@code Auto-Submitted} (RFC 3834) keeps out-of-office replies from answering it.
 */
public final class OutgoingMail {

  private final Session session = Session.getInstance(new Properties());
  private final InternetAddress from;
  private final Clock clock;

  /** {@code from} is the hub's sender address ({@code wijkhub.mail.from}). */
  public OutgoingMail(String from, Clock clock) throws MessagingException {
    this.from = new InternetAddress(from, true);
    this.clock = clock;
  }

  /** A plain-text UTF-8 mail to exactly these addresses. */
  public MimeMessage compose(List<String> to, String subject, String body) throws MessagingException {
    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(from);
    mail.setRecipients(RecipientType.TO, InternetAddress.parse(String.join(",", to), true));
    mail.setSubject(subject, StandardCharsets.UTF_8.name());
    mail.setSentDate(Date.from(clock.instant()));
    mail.setHeader("Auto-Submitted", "auto-generated");
    mail.setText(body, StandardCharsets.UTF_8.name());
    return mail;
  }

  /** The Camel endpoint that sends through the mail channel's SMTP server. */
  public static EndpointProducerBuilder outbox(MailSettings.Server smtp) {
    return (smtp.ssl() ? StaticEndpointBuilders.smtps(smtp.authority()) : StaticEndpointBuilders.smtp(
        smtp.authority())).username(smtp.user()).password(smtp.password());
  }
}
