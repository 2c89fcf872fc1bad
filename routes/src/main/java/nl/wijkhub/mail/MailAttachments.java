package nl.wijkhub.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.normalise.Delivery.DeliveryFormat;

/**
 * The attachments of a message that may hold counts: exactly the file names normalisation reads
 * ({@link DeliveryFormat#ofFileName}). Anything else (logos in a signature, PDFs) is no delivery and is left alone;
 * whether a chosen file can be read is for the normalisation path to say in its receipt.
 */
final class MailAttachments {

  /** An attachment with its decoded file name. */
  record Attachment(String name, Part part) {}

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
