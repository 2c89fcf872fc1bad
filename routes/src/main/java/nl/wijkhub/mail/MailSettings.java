package nl.wijkhub.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The e-mail channel.
 *
 * @param enabled read the mailbox at all; off by default, because the embedded default has no mail server
 * @param imap the server holding the hub's mailbox, e.g. {@code aanleveren@…}
 * @param smtp the server the hub sends its replies through
 * @param folder the folder new deliveries arrive in
 * @param handledFolder where a message goes once all its attachments are on Kafka and the reply is sent
 * @param quarantineFolder where mail goes that is not delivered: unknown or unauthenticated senders and automatic
 *     mail, unanswered; and mail that cannot be read, answered if a partner sent it
 * @param pollInterval how often the mailbox is read
 * @param from the sender address of the hub's replies
 * @param trialAddress mail sent to this address (To or Cc) is a trial: validated and answered, never published
 * @param trustedAuthservId the authserv-id of the hub's own mail server in {@code Authentication-Results} (RFC
 *     8601); when set, a partner's message counts only if that server reports {@code dmarc=pass}, or
 *     {@code dkim=pass} for the From domain, and any other goes to quarantine unanswered. Empty (the default) turns
 *     the check off: then the From header alone names the partner, and anyone can send counts in a partner's name
 *     by writing its address there. The server must remove incoming headers with its own authserv-id.
 * @param allowUnauthenticatedSenders the operator's explicit waiver of that check under the {@code prod} profile,
 *     where the hub otherwise refuses to start with {@code trustedAuthservId} empty; logged as a warning and shown
 *     on health
 */
@Validated
@ConfigurationProperties("wijkhub.mail")
public record MailSettings(
    boolean enabled,
    @Valid @NotNull Server imap,
    @Valid @NotNull Server smtp,
    @NotBlank String folder,
    @NotBlank String handledFolder,
    @NotBlank String quarantineFolder,
    @NotNull Duration pollInterval,
    @NotBlank @Email String from,
    @NotBlank @Email String trialAddress,
    String trustedAuthservId,
    boolean allowUnauthenticatedSenders) {

  /** True when a partner's mail counts on the strength of its From header alone. */
  public boolean sendersUnauthenticated() {
    return trustedAuthservId == null || trustedAuthservId.isBlank();
  }

  /**
   * One mail server.
   *
   * @param user the login; empty for a server without authentication
   * @param password from the environment ({@code WIJKHUB_MAIL_PASSWORD}, for SMTP {@code WIJKHUB_MAIL_SMTP_PASSWORD}),
   *     never in committed configuration
   * @param ssl connect over TLS from the start (IMAPS, SMTPS)
   */
  public record Server(@NotBlank String host, @Positive int port, String user, String password, boolean ssl) {

    /** The {@code host:port} path of a Camel mail endpoint. */
    String authority() {
      return host + ":" + port;
    }
  }
}
