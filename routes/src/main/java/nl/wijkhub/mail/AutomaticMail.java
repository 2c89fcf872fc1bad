package nl.wijkhub.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises mail that a machine wrote: auto-replies ({@code Auto-Submitted}, RFC 3834), bounces (a null
 * {@code Return-Path}, {@code MAILER-DAEMON}) and bulk or list mail ({@code Precedence}). Answering those would
 * start a mail loop, so they are never answered.
 */
final class AutomaticMail {

  private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");

  private AutomaticMail() {}

  static boolean isAutomatic(Message mail) throws MessagingException {
    String autoSubmitted = first(mail, "Auto-Submitted");
    if (autoSubmitted != null && !token(autoSubmitted).equals("no")) {
      return true;
    }
    String precedence = first(mail, "Precedence");
    if (precedence != null && BULK_PRECEDENCE.contains(token(precedence))) {
      return true;
    }
    String returnPath = first(mail, "Return-Path");
    if (returnPath != null && (returnPath.isEmpty() || returnPath.equals("<>"))) {
      return true;
    }
    return fromMailerDaemon(mail);
  }

  private static boolean fromMailerDaemon(Message mail) throws MessagingException {
    Address[] from = mail.getFrom();
    if (from == null) {
      return false;
    }
    for (Address address : from) {
      if (address instanceof InternetAddress internet && internet.getAddress() != null
          && localPart(internet.getAddress()).equalsIgnoreCase("mailer-daemon")) {
        return true;
      }
    }
    return false;
  }

  private static String localPart(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? address : address.substring(0, at);
  }

  /** The keyword before any parameters, e.g. {@code auto-replied} in {@code auto-replied; owner-email=…}. */
  private static String token(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  /** The first value of a header, without surrounding white space, or null when the message has none. */
  static String first(Message mail, String header) throws MessagingException {
    String[] values = mail.getHeader(header);
    return values == null || values.length == 0 ? null : values[0].strip();
  }
}
