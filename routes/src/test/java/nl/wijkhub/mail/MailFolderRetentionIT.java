package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.wijkhub.embedded.FreePorts;
import nl.wijkhub.support.MailDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mailbox's handled folder purged on a real IMAP server (GreenMail), at a time the test chooses. */
class MailFolderRetentionIT {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private final MailDriver mail = new MailDriver();

  @AfterEach
  void stop() {
    mail.close();
  }

  @Test
  void messagesOlderThanTheRetentionAreDeletedAndYoungerOnesKept() throws Exception {
    mail.store("Verwerkt", message("oud"), NOW.minus(Duration.ofDays(401)));
    mail.store("Verwerkt", message("recent"), NOW.minus(Duration.ofDays(399)));
    MailFolderRetention retention = new MailFolderRetention(
        new MailSettings.Server(FreePorts.LOOPBACK, mail.imapPort(), MailDriver.HUB, MailDriver.PASSWORD, false),
        "Verwerkt", Duration.ofDays(400));

    assertThat(retention.purge(NOW)).isEqualTo(1);
    assertThat(mail.subjects("Verwerkt")).containsExactly("recent");
    assertThat(retention.purge(NOW)).isZero();
  }

  @Test
  void aFolderThatDoesNotExistYetHasNothingToPurge() {
    MailFolderRetention retention = new MailFolderRetention(
        new MailSettings.Server(FreePorts.LOOPBACK, mail.imapPort(), MailDriver.HUB, MailDriver.PASSWORD, false),
        "Quarantaine", Duration.ofDays(30));

    assertThat(retention.purge(NOW)).isZero();
  }

  private static jakarta.mail.internet.MimeMessage message(String subject) throws Exception {
    return MailDriver.message("tellingen@dbieb.example", MailDriver.HUB, subject,
        MailDriver.attachment("tellingen.csv", "indicator;wijk;periode;waarde\n"));
  }
}
