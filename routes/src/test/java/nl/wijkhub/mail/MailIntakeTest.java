package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import nl.wijkhub.reference.Partner;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the intake sorts messages it cannot read: the message's fault goes to quarantine, the mailbox's is retried. */
class MailIntakeTest {

  private static final String HUB = "aanleveren@wijkhub.example";
  private static final String DBIEB = "tellingen@dbieb.example";
  private static final MailSettings.Server SERVER = new MailSettings.Server("127.0.0.1", 1, HUB, "", false);

  @TempDir
  Path spool;

  private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

  @Test
  void undecodableAttachmentOfARegisteredSenderIsQuarantinedAndAnsweredThatItCouldNotBeRead() throws Exception {
    List<?> deliveries = intake().accept(message(DBIEB, undecodable()), exchange);

    assertThat(deliveries).isEmpty();
    assertThat(exchange.getIn().getHeader(MailConstants.MAIL_MOVE_TO)).isEqualTo("Quarantaine");
    IncomingMail incoming = exchange.getProperty(MailIntake.INCOMING, IncomingMail.class);
    assertThat(intake().reply(incoming, null, true).getSubject()).isEqualTo("E-mail niet leesbaar: Tellingen");
  }

  @Test
  void messageWhoseFromCannotBeParsedIsQuarantinedUnanswered() throws Exception {
    MimeMessage mail = message(DBIEB, null);
    mail.setHeader("From", "<" + DBIEB);

    assertThat(intake().accept(mail, exchange)).isNull();
    assertThat(exchange.getIn().getHeader(MailConstants.MAIL_MOVE_TO)).isEqualTo("Quarantaine");
    assertThat(exchange.getProperty(MailIntake.INCOMING)).isNull();
  }

  @Test
  void aClosedConnectionIsNoUnreadableMessageAndFailsTheExchangeForTheNextPoll() {
    Folder inbox = mock(Folder.class); // closed: isOpen() is false
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      public Folder getFolder() {
        return inbox;
      }

      @Override
      public String[] getHeader(String name) throws MessagingException {
        throw new FolderClosedException(inbox);
      }
    };

    assertThatThrownBy(() -> intake().accept(mail, exchange)).isInstanceOf(FolderClosedException.class);
    assertThat(exchange.getIn().getHeader(MailConstants.MAIL_MOVE_TO)).isNull();
  }

  private MailIntake intake() {
    MailSettings settings = new MailSettings(true, SERVER, SERVER, "INBOX", "Verwerkt", "Quarantaine",
        Duration.ofSeconds(1), HUB, "aanleveren+proef@wijkhub.example", "", false);
    return new MailIntake(settings,
        new Senders(List.of(new Partner("dbieb", "DBieb", "oost", "bibliotheek", null, List.of(DBIEB), null))),
        new MailReplies(HUB, settings.trialAddress(), Clock.systemUTC()), spool, Clock.systemUTC());
  }

  private static MimeMessage message(String from, MimeBodyPart attachment) throws MessagingException {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom(new InternetAddress(from));
    mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(HUB));
    mail.setSubject("Tellingen");
    if (attachment == null) {
      mail.setText("Hierbij onze cijfers.");
    } else {
      mail.setContent(new MimeMultipart(attachment));
    }
    mail.saveChanges();
    return mail;
  }

  private static MimeBodyPart undecodable() throws MessagingException {
    InternetHeaders headers = new InternetHeaders();
    headers.setHeader("Content-Disposition", "attachment; filename=kapot.csv");
    headers.setHeader("Content-Transfer-Encoding", "base64");
    return new MimeBodyPart(headers, "A\r\n".getBytes(StandardCharsets.US_ASCII));
  }
}
