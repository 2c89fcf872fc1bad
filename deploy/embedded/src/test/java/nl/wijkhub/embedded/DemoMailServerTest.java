package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DemoMailServerTest {

  @Test
  void mailSentOverSmtpLandsInTheHubsMailboxWhereTheHubEnvironmentReadsIt() throws Exception {
    try (DemoMailServer server = DemoMailServer.start(FreePorts.pick(), FreePorts.pick())) {
      Properties props = new Properties();
      props.put("mail.smtp.host", FreePorts.LOOPBACK);
      props.put("mail.smtp.port", Integer.toString(server.smtpPort()));
      Session session = Session.getInstance(props);
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress("tellingen@dbieb.example"));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(DemoMailServer.MAILBOX));
      message.setSubject("Tellingen");
      message.setText("indicator;wijk;periode;waarde\n");
      Transport.send(message);

      var env = server.hubEnvironment();
      assertThat(env).containsEntry("WIJKHUB_MAIL_ENABLED", "true").containsEntry("WIJKHUB_MAIL_IMAP_SSL", "false")
          .containsEntry("WIJKHUB_MAIL_IMAP_HOST", "127.0.0.1")
          .containsEntry("WIJKHUB_MAIL_SMTP_PORT", Integer.toString(server.smtpPort()));
      Store store = session.getStore("imap");
      store.connect(env.get("WIJKHUB_MAIL_IMAP_HOST"), Integer.parseInt(env.get("WIJKHUB_MAIL_IMAP_PORT")),
          env.get("WIJKHUB_MAIL_USER"), env.get("WIJKHUB_MAIL_PASSWORD"));
      try {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly("Tellingen");
        inbox.close(false);
      } finally {
        store.close();
      }
    }
  }
}
