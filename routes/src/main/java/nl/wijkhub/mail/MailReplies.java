package nl.wijkhub.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import nl.wijkhub.delivery.PersonalData;
import nl.wijkhub.delivery.ReceiptDocuments;
import nl.wijkhub.events.SubmissionReceipt;

/**
 * The hub's answers to a partner, in Dutch: one receipt e-mail per message (the receipt text of every attachment,
 * the receipt JSON attached), or a short how-to when the message held nothing to read or could not be read at all.
 * Replies thread under the
 * partner's message and say they are automatic ({@code Auto-Submitted}), so the partner's robots do not answer.
 */
final class MailReplies {

  static final String RECEIPT_SUBJECT = "Ontvangstbevestiging: ";
  static final String HOW_TO_SUBJECT = "Geen bestand om te verwerken: ";
  static final String PERSONAL_DATA_SUBJECT = "Niet verwerkt: persoonsgegevens horen niet in e-mail";
  static final String UNREADABLE_SUBJECT = "E-mail niet leesbaar: ";
  static final String COUNTS_ONLY = "Let op: e-mail is alleen voor tellingen (aantallen per wijk en periode), nooit"
      + " voor persoonsgegevens zoals namen, adressen, geboortedata of BSN.";
  private static final String SIGNATURE = "\n\nDit bericht is automatisch verstuurd door Wijkhub.\n";

  private final Session session = Session.getInstance(new Properties());
  private final InternetAddress from;
  private final String trialAddress;
  private final Clock clock;

  MailReplies(String from, String trialAddress, Clock clock) {
    try {
      this.from = new InternetAddress(from, true);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("wijkhub.mail.from is not an e-mail address", e);
    }
    this.trialAddress = trialAddress;
    this.clock = clock;
  }

  MimeMessage receipt(IncomingMail mail, List<SubmissionReceipt> receipts) throws MessagingException {
    // A subject may name the person the mail is about: a reply to a mail refused for personal data never quotes it.
    boolean personal = receipts.stream().anyMatch(PersonalData::refused);
    MimeMultipart parts = new MimeMultipart();
    parts.addBodyPart(text(personal ? personalDataText(receipts) : receiptText(mail, receipts)));
    for (SubmissionReceipt receipt : receipts) {
      MimeBodyPart json = new MimeBodyPart();
      json.setDataHandler(new DataHandler(new ByteArrayDataSource(
          ReceiptDocuments.json(receipt).getBytes(StandardCharsets.UTF_8), "application/json; charset=UTF-8")));
      json.setFileName(receipt.getSourceName() + ".receipt.json");
      parts.addBodyPart(json);
    }
    MimeMessage reply = personal ? reply(mail, PERSONAL_DATA_SUBJECT, false) : reply(mail, RECEIPT_SUBJECT);
    reply.setContent(parts);
    return reply;
  }

  private static String personalDataText(List<SubmissionReceipt> receipts) {
    return "Goedendag,\n\n"
        + "Uw e-mail bevat gegevens over personen. Die nemen wij per e-mail niet aan: er is niets verwerkt en de e-mail"
        + " is uit onze mailbox verwijderd. Signalen over personen deelt u alleen via de API of de map signalen/"
        + " (zie docs/signalen-aanleveren.md); tellingen bevatten nooit namen, adressen, geboortedata of BSN.\n\n"
        + receipts.stream().map(ReceiptDocuments::text).collect(Collectors.joining("\n"))
        + "\n" + COUNTS_ONLY + SIGNATURE;
  }

  MimeMessage howTo(IncomingMail mail) throws MessagingException {
    MimeMessage reply = reply(mail, HOW_TO_SUBJECT);
    reply.setText(howToText(mail), StandardCharsets.UTF_8.name());
    return reply;
  }

  /** For a message whose MIME structure or attachment could not be decoded: nothing of it was read. */
  MimeMessage unreadable(IncomingMail mail) throws MessagingException {
    MimeMessage reply = reply(mail, UNREADABLE_SUBJECT);
    reply.setText(unreadableText(mail), StandardCharsets.UTF_8.name());
    return reply;
  }

  static String receiptText(IncomingMail mail, List<SubmissionReceipt> receipts) {
    return "Goedendag,\n\n"
        + "Wij hebben uw e-mail " + quoted(mail.subject()) + " ontvangen. Hieronder staat per bijlage wat Wijkhub"
        + " ermee heeft gedaan. Het ontvangstbewijs zit ook als JSON-bestand bij deze e-mail.\n\n"
        + receipts.stream().map(ReceiptDocuments::text).collect(Collectors.joining("\n"))
        + "\n" + COUNTS_ONLY + SIGNATURE;
  }

  String howToText(IncomingMail mail) {
    return "Goedendag,\n\n"
        + "Wij hebben uw e-mail " + quoted(mail.subject()) + " ontvangen, maar er zat geen bestand bij dat Wijkhub"
        + " kan lezen. Er is daarom niets verwerkt.\n\n"
        + howToDeliver();
  }

  private String unreadableText(IncomingMail mail) {
    return "Goedendag,\n\n"
        + "Wij hebben uw e-mail " + quoted(mail.subject()) + " ontvangen, maar Wijkhub kon de e-mail niet lezen:"
        + " de e-mail of een bijlage is beschadigd of op een onbekende manier gecodeerd. Er is daarom niets"
        + " verwerkt. Stuur het bestand opnieuw, in een nieuwe e-mail.\n\n"
        + howToDeliver();
  }

  private String howToDeliver() {
    return "Zo levert u tellingen aan per e-mail:\n"
        + "- Stuur het bestand mee als bijlage: CSV (.csv), JSON (.json) of Excel (.xlsx). Cijfers in de tekst van"
        + " de e-mail of een link naar een bestand leest Wijkhub niet.\n"
        + "- Gebruik het sjabloon uit de handleiding (sjabloon-aanlevering.csv). De eerste regel is de kopregel:\n"
        + "    indicator;wijk;periode;waarde;toelichting\n"
        + "  Daaronder staat op elke regel één cijfer, bijvoorbeeld:\n"
        + "    taalmaatjes-gekoppeld;Bilgaard;2024;7;\n"
        + "- Wilt u eerst proberen of uw bestand goed is? Stuur het dan naar " + trialAddress + ". U krijgt een"
        + " ontvangstbewijs, maar er wordt niets opgeslagen of doorgegeven.\n\n"
        + "Na elke aanlevering krijgt u een ontvangstbevestiging met per bijlage wat er is verwerkt en wat er niet"
        + " goed ging.\n\n"
        + COUNTS_ONLY + SIGNATURE;
  }

  private MimeMessage reply(IncomingMail mail, String subjectPrefix) throws MessagingException {
    return reply(mail, subjectPrefix, true);
  }

  private MimeMessage reply(IncomingMail mail, String subjectPrefix, boolean quoteSubject) throws MessagingException {
    MimeMessage reply = new MimeMessage(session);
    reply.setFrom(from);
    reply.setRecipient(RecipientType.TO, mail.sender());
    reply.setSubject(quoteSubject ? subjectPrefix + subject(mail.subject()) : subjectPrefix,
        StandardCharsets.UTF_8.name());
    reply.setSentDate(Date.from(clock.instant()));
    reply.setHeader("Auto-Submitted", "auto-replied");
    if (mail.messageId() != null) {
      reply.setHeader("In-Reply-To", mail.messageId());
      reply.setHeader("References", mail.references() == null ? mail.messageId()
          : mail.references() + " " + mail.messageId());
    }
    return reply;
  }

  private static MimeBodyPart text(String text) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, StandardCharsets.UTF_8.name());
    return part;
  }

  private static String subject(String subject) {
    return subject == null || subject.isBlank() ? "(geen onderwerp)" : subject.strip();
  }

  private static String quoted(String subject) {
    return "\u201c" + subject(subject) + "\u201d";
  }
}
