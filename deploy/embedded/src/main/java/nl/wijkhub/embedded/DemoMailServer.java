package nl.wijkhub.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/**
 * The embedded default's mail server, so that the e-mail channel can be tried without a real mailbox: GreenMail
 * with SMTP and IMAP on 127.0.0.1 and the hub's mailbox {@value #MAILBOX}. Nothing leaves this machine; every
 * address gets a mailbox on first mail (log in with the address as user and password), so partners' replies can
 * be read back.
 */
public final class DemoMailServer implements AutoCloseable {

  public static final String MAILBOX = "aanleveren@wijkhub.example";
  static final String PASSWORD = "demo";

  private final GreenMail mail;

  private DemoMailServer(GreenMail mail) {
    this.mail = mail;
  }

  public static DemoMailServer start(int smtpPort, int imapPort) {
    GreenMail mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, FreePorts.LOOPBACK, ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, FreePorts.LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
    mail.start();
    mail.setUser(MAILBOX, MAILBOX, PASSWORD);
    return new DemoMailServer(mail);
  }

  /** What the hub needs to read this mailbox and answer through this server (plain, on loopback). */
  public Map<String, String> hubEnvironment() {
    return Map.of(
        "WIJKHUB_MAIL_ENABLED", "true",
        "WIJKHUB_MAIL_IMAP_HOST", FreePorts.LOOPBACK,
        "WIJKHUB_MAIL_IMAP_PORT", Integer.toString(mail.getImap().getPort()),
        "WIJKHUB_MAIL_IMAP_SSL", "false",
        "WIJKHUB_MAIL_SMTP_HOST", FreePorts.LOOPBACK,
        "WIJKHUB_MAIL_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()),
        "WIJKHUB_MAIL_SMTP_SSL", "false",
        "WIJKHUB_MAIL_USER", MAILBOX,
        "WIJKHUB_MAIL_PASSWORD", PASSWORD,
        // A tour should not wait the production default of 30 seconds for its answer.
        "WIJKHUB_MAIL_POLLINTERVAL", "2s");
  }

  public int smtpPort() {
    return mail.getSmtp().getPort();
  }

  public int imapPort() {
    return mail.getImap().getPort();
  }

  @Override
  public void close() {
    mail.stop();
  }
}
