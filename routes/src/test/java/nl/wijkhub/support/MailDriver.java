package nl.wijkhub.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.wijkhub.embedded.FreePorts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real IMAP and SMTP server (GreenMail) on 127.0.0.1 with the hub's mailbox, and the partner's side of it: write
 * a message into the mailbox as the mail exchanger would, and read the hub's replies.
 */
public final class MailDriver implements AutoCloseable {

  public static final String HUB = "aanleveren@wijkhub.example";
  public static final String TRIAL = "aanleveren+proef@wijkhub.example";
  /** The authserv-id the hub trusts; {@link #message} carries its DMARC pass, as the mail exchanger would add it. */
  public static final String AUTHSERV_ID = "mx.wijkhub.example";
  /** The hub mailbox's password. */
  public static final String PASSWORD = "geheim";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final GreenMail mail = new GreenMail(new ServerSetup[] {
      new ServerSetup(FreePorts.pick(), FreePorts.LOOPBACK, ServerSetup.PROTOCOL_SMTP),
      new ServerSetup(FreePorts.pick(), FreePorts.LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
  private final GreenMailUser mailbox;

  public MailDriver() {
    mail.start();
    mailbox = mail.setUser(HUB, HUB, PASSWORD);
  }

  /** The hub's wijkhub.mail.* settings for this server. */
  public Map<String, String> hubProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("wijkhub.mail.enabled", "true");
    props.put("wijkhub.mail.poll-interval", "200ms");
    props.put("wijkhub.mail.trial-address", TRIAL);
    props.put("wijkhub.mail.from", HUB);
    props.put("wijkhub.mail.trusted-authserv-id", AUTHSERV_ID);
    for (String server : List.of("imap", "smtp")) {
      props.put("wijkhub.mail." + server + ".host", FreePorts.LOOPBACK);
      props.put("wijkhub.mail." + server + ".port", String.valueOf(server.equals("imap") ? imapPort() : smtpPort()));
      props.put("wijkhub.mail." + server + ".user", HUB);
      props.put("wijkhub.mail." + server + ".password", PASSWORD);
      props.put("wijkhub.mail." + server + ".ssl", "false");
    }
    return props;
  }

  public int imapPort() {
    return mail.getImap().getPort();
  }

  public int smtpPort() {
    return mail.getSmtp().getPort();
  }

  /** A message as the mail exchanger delivers it: with its {@code Authentication-Results}, DMARC passed. */
  public static MimeMessage message(String from, String to, String subject, MimeBodyPart attachment)
      throws MessagingException {
    MimeMessage message = unauthenticated(from, to, subject, attachment);
    message.setHeader("Authentication-Results", AUTHSERV_ID + "; dmarc=pass header.from="
        + from.substring(from.indexOf('@') + 1));
    return message;
  }

  /** A message without {@code Authentication-Results}: nothing vouches for its From address. */
  public static MimeMessage unauthenticated(String from, String to, String subject, MimeBodyPart attachment)
      throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject, "UTF-8");
    if (attachment != null) {
      MimeBodyPart text = new MimeBodyPart();
      text.setText("Hierbij onze cijfers.", "UTF-8");
      message.setContent(new MimeMultipart(text, attachment));
    }
    return message;
  }

  public static MimeBodyPart attachment(String name, String content) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(content, "UTF-8");
    part.setFileName(name);
    return part;
  }

  /** A file attached as mail clients attach one: base64, so its bytes arrive exactly as they were. */
  public static MimeBodyPart file(String name, byte[] content) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/octet-stream")));
    part.setFileName(name);
    // Jakarta Mail would pick 7bit for ASCII content, and 7bit mail has its line endings rewritten on the way.
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  /** An attachment whose base64 does not decode: one character, where base64 comes in fours. */
  public static MimeBodyPart undecodable(String name) throws MessagingException {
    InternetHeaders headers = new InternetHeaders();
    headers.setHeader("Content-Type", "text/csv; name=" + name);
    headers.setHeader("Content-Disposition", "attachment; filename=" + name);
    headers.setHeader("Content-Transfer-Encoding", "base64");
    return new MimeBodyPart(headers, "A\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** Into the hub's inbox, as the mail exchanger would (a plus-address lands in the same mailbox). */
  public MimeMessage deliver(MimeMessage message) throws MessagingException {
    message.saveChanges();
    mailbox.deliver(message);
    return message;
  }

  /** The first reply to {@code to} whose subject contains {@code run}. */
  public MimeMessage awaitReply(String to, String run) {
    return await().atMost(PATIENCE).until(() -> repliesTo(to, run), replies -> !replies.isEmpty()).get(0);
  }

  public List<MimeMessage> repliesTo(String to, String run) {
    return mail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(to),
        message -> subject(message).contains(run)).toList();
  }

  /** Into a folder of the hub's mailbox (made if missing), as having arrived at {@code receivedAt}. */
  public void store(String folder, MimeMessage message, Instant receivedAt) throws Exception {
    message.saveChanges();
    var folders = mail.getManagers().getImapHostManager();
    MailFolder mailFolder = folders.getFolder(mailbox, folder);
    (mailFolder == null ? folders.createMailbox(mailbox, folder) : mailFolder)
        .appendMessage(message, new Flags(), Date.from(receivedAt));
  }

  /** Waits until a message whose subject contains {@code run} is in the hub mailbox's folder. */
  public void awaitIn(String folder, String run) {
    await().atMost(PATIENCE).until(() -> subjects(folder).stream().anyMatch(s -> s.contains(run)));
  }

  public List<String> subjects(String folder) {
    MailFolder mailFolder = mail.getManagers().getImapHostManager().getFolder(mailbox, folder);
    return mailFolder == null ? List.of() : mailFolder.getNonDeletedMessages().stream()
        .map(StoredMessage::getMimeMessage).map(MailDriver::subject).toList();
  }

  public static String text(MimeMessage reply) throws IOException, MessagingException {
    return (String) ((Multipart) reply.getContent()).getBodyPart(0).getContent();
  }

  /** The receipt JSON the reply carries for one attachment. */
  public static JsonNode receiptJson(MimeMessage reply, String attachment) throws IOException, MessagingException {
    Multipart parts = (Multipart) reply.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if ((attachment + ".receipt.json").equals(part.getFileName())) {
        try (InputStream in = part.getInputStream()) {
          return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    throw new AssertionError("No " + attachment + ".receipt.json attached");
  }

  @Override
  public void close() {
    mail.stop();
  }

  private static String subject(MimeMessage message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
