package nl.wijkhub.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.delivery.Delivery.DeliveryFormat;

/**
 * The attachments of a message that may hold counts: exactly the file names normalisation reads
 * ({@link DeliveryFormat#ofFileName}). Anything else (logos in a signature, PDFs) is no delivery and is left alone;
 * whether a chosen file can be read is for the normalisation path to say in its receipt.
 */
final class MailAttachments {

  /** An attachment with its decoded file name. */
  record Attachment(String name, Part part) {

    /** The decoded bytes; a transfer encoding that does not decode (bad base64) throws {@link Undecodable}. */
    InputStream content() throws MessagingException, IOException {
      return new FilterInputStream(part.getInputStream()) {
        @Override
        public int read() {
          try {
            return super.read();
          } catch (IOException e) {
            throw new Undecodable(e);
          }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          try {
            return super.read(buffer, offset, length);
          } catch (IOException e) {
            throw new Undecodable(e);
          }
        }
      };
    }
  }

  /**
   * An attachment's bytes could not be decoded: the message itself is broken, and reading it again will not help.
   * Unchecked, so that it passes the spool unchanged and is not mistaken for the spool's own disk errors.
   */
  static final class Undecodable extends RuntimeException {

    Undecodable(IOException cause) {
      // The decoder's message quotes the attachment's bytes; the cause keeps it, never a log line.
      super("An attachment cannot be decoded", cause);
    }
  }

  private MailAttachments() {}

  static List<Attachment> deliverable(Part mail) throws MessagingException, IOException {
    List<Attachment> found = new ArrayList<>();
    collect(mail, found);
    return found;
  }

  private static void collect(Part part, List<Attachment> found) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        collect(parts.getBodyPart(i), found);
      }
      return;
    }
    String name = fileName(part);
    if (name != null && DeliveryFormat.ofFileName(name).isPresent()) {
      found.add(new Attachment(name, part));
    }
  }

  /** Mail programs encode non-ASCII names (RFC 2047); the receipt names the file as the partner saved it. */
  private static String fileName(Part part) throws MessagingException {
    String raw = part.getFileName();
    if (raw == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(raw).strip();
    } catch (UnsupportedEncodingException e) {
      return raw.strip();
    }
  }
}
