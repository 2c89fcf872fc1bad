package nl.wijkhub.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import nl.wijkhub.retention.Purge;

/**
 * Purges one folder of the delivery mailbox (handled or quarantine): messages that arrived before the retention
 * period are deleted and expunged. IMAP's search compares dates only, so a message goes on the first run after the
 * day its retention ended.
 */
class MailFolderRetention implements Purge {

  private final MailSettings.Server server;
  private final String folder;
  private final Duration keep;

  MailFolderRetention(MailSettings.Server server, String folder, Duration keep) {
    this.server = server;
    this.folder = folder;
    this.keep = keep;
  }

  @Override
  public String area() {
    return "mail folder " + folder;
  }

  @Override
  public int purge(Instant now) {
    Session session = Session.getInstance(timeouts());
    try (Store store = session.getStore(server.ssl() ? "imaps" : "imap")) {
      store.connect(server.host(), server.port(), server.user(), server.password());
      Folder mailFolder = store.getFolder(folder);
      if (!mailFolder.exists()) {
        return 0;
      }
      mailFolder.open(Folder.READ_WRITE);
      Message[] old = mailFolder.search(new ReceivedDateTerm(ComparisonTerm.LT, Date.from(now.minus(keep))));
      mailFolder.setFlags(old, new Flags(Flags.Flag.DELETED), true);
      mailFolder.close(true);
      return old.length;
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot purge the mail folder " + folder, e);
    }
  }

  /** A mail server that stops answering must not hold the purge (and the timer thread) for ever. */
  private static Properties timeouts() {
    Properties properties = new Properties();
    for (String protocol : new String[] {"imap", "imaps"}) {
      properties.put("mail." + protocol + ".connectiontimeout", "30000");
      properties.put("mail." + protocol + ".timeout", "60000");
    }
    return properties;
  }
}
