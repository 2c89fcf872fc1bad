package nl.wijkhub.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.mail.MailAttachments.Attachment;
import nl.wijkhub.mail.MailAttachments.Undecodable;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.FailedAttempts;
import nl.wijkhub.delivery.PersonalData;
import nl.wijkhub.delivery.Spool;
import nl.wijkhub.reference.Partner;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.mail.MailConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The mailbox's side of a delivery: decide what a message is, turn its attachments into deliveries, and build the
 * reply once they are committed. Each message gets the consumer's move-to header once the whole exchange succeeded:
 * the quarantine folder or the handled folder; a message refused for personal data is deleted instead.
 */
public class MailIntake {

  static final String CHANNEL = "EMAIL";
  static final String INCOMING = "wijkhub.mail";
  static final String RECEIPTS = "wijkhub.mail.receipts";
  static final String UNREADABLE = "wijkhub.mail.unreadable";
  private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

  private final MailSettings settings;
  private final Senders senders;
  private final SenderAuthentication authentication;
  private final MailReplies replies;
  private final Path spoolDir;
  private final Clock clock;

  MailIntake(MailSettings settings, Senders senders, MailReplies replies, Path spoolDir, Clock clock) {
    this.settings = settings;
    this.senders = senders;
    this.authentication = new SenderAuthentication(settings.trustedAuthservId());
    this.replies = replies;
    this.spoolDir = spoolDir;
    this.clock = clock;
  }

  /**
   * The deliveries of a registered partner's message, none when it has no attachment to read or cannot be read at
   * all (then it is answered with how to deliver and goes to quarantine), or null when the message goes to
   * quarantine unanswered.
   */
  public List<Delivery> accept(@Body Message mail, Exchange exchange) throws MessagingException, IOException {
    try {
      return read(mail, exchange);
    } catch (MessagingException | Undecodable e) {
      if (mail.getFolder() != null && !mail.getFolder().isOpen()) {
        throw e; // the connection to the mailbox broke, not the message: the next poll reads it again
      }
      return unreadable(exchange, e);
    }
  }

  private List<Delivery> read(Message mail, Exchange exchange) throws MessagingException, IOException {
    if (AutomaticMail.isAutomatic(mail)) {
      return quarantine(exchange, "an automatic e-mail (auto-reply, bounce or list mail)");
    }
    Optional<Partner> partner = senders.partner(mail.getFrom());
    if (partner.isEmpty()) {
      return quarantine(exchange, "an e-mail from an unknown sender");
    }
    InternetAddress sender = (InternetAddress) mail.getFrom()[0];
    if (!authentication.authenticated(mail.getHeader("Authentication-Results"), sender.getAddress())) {
      return quarantine(exchange, "an e-mail from an unauthenticated sender");
    }
    MDC.put("partner", partner.get().id());
    IncomingMail incoming = new IncomingMail(partner.get().id(), sender, mail.getSubject(),
        AutomaticMail.first(mail, "Message-ID"), AutomaticMail.first(mail, "References"), toTrialAddress(mail));
    exchange.setProperty(INCOMING, incoming);
    List<Attachment> attachments = MailAttachments.deliverable(mail);
    Path spool = spoolFor(exchange);
    Instant receivedAt = clock.instant();
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < attachments.size(); i++) {
      Attachment attachment = attachments.get(i);
      try (InputStream in = attachment.content()) {
        Delivery delivery = Spool.spool(in, spool, incoming.partnerId(), CHANNEL, attachment.name(), receivedAt);
        delivery = incoming.messageId() == null ? delivery
            : delivery.withIdempotencyKey(idempotencyKey(incoming.messageId(), i, attachment.name()));
        deliveries.add(incoming.trial() ? delivery.asDryRun() : delivery);
      }
    }
    LOG.info("E-mail with {} attachment(s) to read{}", deliveries.size(), incoming.trial() ? ", trial" : "");
    return deliveries;
  }

  /**
   * A message that breaks whenever it is read would otherwise stay unseen and be read again every poll. Only the
   * exception's class is logged: a mail exception's message may quote an address or the attachment's bytes.
   */
  private List<Delivery> unreadable(Exchange exchange, Exception e) {
    if (exchange.getProperty(INCOMING) == null) {
      return quarantine(exchange, "an unreadable e-mail (" + e.getClass().getSimpleName() + ") of no known partner");
    }
    exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, settings.quarantineFolder());
    exchange.setProperty(UNREADABLE, true);
    LOG.warn("E-mail cannot be read ({}), to quarantine once answered", e.getClass().getSimpleName());
    return List.of();
  }

  /** Called before each delivery goes to normalisation, so that its log lines carry the submission. */
  public void submitting(@Body Delivery delivery) {
    MDC.put("submission", delivery.submissionId());
  }

  /**
   * The receipt e-mail for the committed deliveries, the how-to when the message had none, or the how-to for a
   * message that could not be read.
   */
  public MimeMessage reply(@ExchangeProperty(INCOMING) IncomingMail mail,
      @ExchangeProperty(RECEIPTS) List<SubmissionReceipt> receipts, @ExchangeProperty(UNREADABLE) Boolean unreadable)
      throws MessagingException {
    if (Boolean.TRUE.equals(unreadable)) {
      return replies.unreadable(mail);
    }
    return receipts == null ? replies.howTo(mail) : replies.receipt(mail, receipts);
  }

  /**
   * Called once the reply went out; the consumer then moves the message to the handled folder, or an unreadable
   * one, or one with an attachment the hub gave up on, to quarantine.
   */
  public void answered(@ExchangeProperty(RECEIPTS) List<SubmissionReceipt> receipts,
      @ExchangeProperty(UNREADABLE) Boolean unreadable, Exchange exchange) {
    if (receipts != null && receipts.stream().anyMatch(PersonalData::refused)) {
      // Signals or other personal data by e-mail: the reply named the safe channels and quoted nothing; the mailbox
      // must not keep a copy, so the message is deleted instead of moved (the receipt is the logged step).
      exchange.getIn().setHeader(MailConstants.MAIL_DELETE, true);
      LOG.warn("E-mail holding personal data answered with the safe channels, deleted");
    } else if (receipts != null && receipts.stream().anyMatch(FailedAttempts::givenUp)) {
      // The hub gave up on an attachment after repeated failures: the message is kept aside for the operators.
      exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, settings.quarantineFolder());
      LOG.warn("E-mail with an attachment the hub gave up on answered, quarantined");
    } else if (Boolean.TRUE.equals(unreadable)) {
      LOG.info("Unreadable e-mail answered with how to deliver, quarantined");
    } else {
      // Set per message rather than on the endpoint, where it would move a message that must be deleted too.
      exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, settings.handledFolder());
      if (receipts == null) {
        LOG.info("E-mail without attachments answered with how to deliver");
      }
    }
    MDC.clear();
  }

  private List<Delivery> quarantine(Exchange exchange, String what) {
    exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, settings.quarantineFolder());
    LOG.warn("Quarantined {}, not answered", what);
    MDC.clear();
    return null;
  }

  /** One spool folder per message, removed when the exchange is done, whether it succeeded or not. */
  private Path spoolFor(Exchange exchange) throws IOException {
    Path spool = Files.createTempDirectory(Files.createDirectories(spoolDir), "mail-");
    Spool.deleteWhenDone(exchange, spool);
    return spool;
  }

  private boolean toTrialAddress(Message mail) throws MessagingException {
    for (RecipientType type : List.of(RecipientType.TO, RecipientType.CC)) {
      Address[] recipients = mail.getRecipients(type);
      for (Address address : recipients == null ? new Address[0] : recipients) {
        if (address instanceof InternetAddress internet
            && settings.trialAddress().equalsIgnoreCase(internet.getAddress())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Retrying a message (the reply failed after the commit) gives each attachment its original receipt instead of a
   * DUPLICATE one. Hashed so that no Message-ID (which may name a person's host) travels on the receipt.
   */
  private static String idempotencyKey(String messageId, int index, String name) {
    return "email:" + Spool.sha256((messageId + '\n' + index + '\n' + name).getBytes(StandardCharsets.UTF_8))
        .substring(0, 32);
  }
}
