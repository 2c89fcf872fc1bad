package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.wijkhub.events.ReceiptError;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.delivery.ReceiptDocuments;
import org.junit.jupiter.api.Test;

class MailRepliesTest {

  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private final MailReplies replies = new MailReplies("aanleveren@wijkhub.example",
      "aanleveren+proef@wijkhub.example", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void receiptReplyThreadsUnderTheMessageWithEveryReceiptTextAndItsJsonAttached() throws Exception {
    SubmissionReceipt good = receipt("goed.csv", ReceiptStatus.ACCEPTED, List.of());
    SubmissionReceipt bad = receipt("fout.csv", ReceiptStatus.PARTIALLY_ACCEPTED,
        List.of(new ReceiptError(3L, "wijk", "WIJK_ONBEKEND", "De wijk 'Bilgaardt' is onbekend.")));

    MimeMessage reply = replies.receipt(mail("<m1@dbieb.example>", "<m0@dbieb.example>"), List.of(good, bad));
    reply.saveChanges();

    assertThat(reply.getSubject()).isEqualTo("Ontvangstbevestiging: Tellingen 2024");
    assertThat(reply.getAllRecipients()).extracting(Object::toString).containsExactly("tellingen@dbieb.example");
    assertThat(reply.getFrom()).extracting(Object::toString).containsExactly("aanleveren@wijkhub.example");
    assertThat(reply.getHeader("In-Reply-To")).containsExactly("<m1@dbieb.example>");
    assertThat(reply.getHeader("References")).containsExactly("<m0@dbieb.example> <m1@dbieb.example>");
    assertThat(reply.getHeader("Auto-Submitted")).containsExactly("auto-replied");
    Multipart parts = (Multipart) reply.getContent();
    assertThat(parts.getCount()).isEqualTo(3);
    assertThat((String) parts.getBodyPart(0).getContent())
        .contains(ReceiptDocuments.text(good), ReceiptDocuments.text(bad), "Regel 3, kolom wijk: De wijk 'Bilgaardt'",
            "alleen voor tellingen");
    assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("goed.csv.receipt.json");
    assertThat(parts.getBodyPart(2).getFileName()).isEqualTo("fout.csv.receipt.json");
    assertThat(content(parts.getBodyPart(2))).isEqualTo(ReceiptDocuments.json(bad));
  }

  @Test
  void messageWithoutMessageIdGetsAReplyWithoutThreadHeaders() throws Exception {
    MimeMessage reply = replies.howTo(mail(null, null));

    assertThat(reply.getHeader("In-Reply-To")).isNull();
    assertThat(reply.getHeader("References")).isNull();
  }

  @Test
  void howToNamesTheFormatsTheHeaderLineTheTemplateTheTrialAddressAndCountsOnly() throws Exception {
    MimeMessage reply = replies.howTo(mail("<m1@dbieb.example>", null));

    assertThat(reply.getSubject()).isEqualTo("Geen bestand om te verwerken: Tellingen 2024");
    assertThat((String) reply.getContent()).contains("geen bestand", "CSV (.csv), JSON (.json) of Excel (.xlsx)",
        "indicator;wijk;periode;waarde;toelichting", "sjabloon-aanlevering.csv", "aanleveren+proef@wijkhub.example",
        "alleen voor tellingen", "nooit voor persoonsgegevens");
  }

  @Test
  void unreadableMessageIsAnsweredThatItCouldNotBeReadWithTheSameHowTo() throws Exception {
    IncomingMail mail = mail("<m1@dbieb.example>", null);

    MimeMessage reply = replies.unreadable(mail);

    assertThat(reply.getSubject()).isEqualTo("E-mail niet leesbaar: Tellingen 2024");
    assertThat(reply.getHeader("Auto-Submitted")).containsExactly("auto-replied");
    String howTo = replies.howToText(mail);
    assertThat((String) reply.getContent()).contains("kon de e-mail niet lezen", "niets verwerkt")
        .endsWith(howTo.substring(howTo.indexOf("Zo levert u tellingen aan")));
  }

  @Test
  void messageWithoutSubjectIsAnsweredUnderAPlaceholder() throws Exception {
    IncomingMail mail = new IncomingMail("dbieb", new InternetAddress("tellingen@dbieb.example"), " ", null, null,
        false);

    assertThat(replies.howTo(mail).getSubject()).isEqualTo("Geen bestand om te verwerken: (geen onderwerp)");
  }

  private static IncomingMail mail(String messageId, String references) throws AddressException {
    return new IncomingMail("dbieb", new InternetAddress("tellingen@dbieb.example"), "Tellingen 2024", messageId,
        references, false);
  }

  private static SubmissionReceipt receipt(String name, ReceiptStatus status, List<ReceiptError> errors) {
    return SubmissionReceipt.newBuilder()
        .setSubmissionId("id-" + name).setPartner("dbieb").setChannel("EMAIL").setSourceName(name).setSha256("ab")
        .setStatus(status).setAccepted(1).setRejected(errors.size()).setErrors(errors).setErrorsOmitted(0)
        .setReceivedAt(NOW).setCompletedAt(NOW).build();
  }

  private static String content(BodyPart part) throws IOException, MessagingException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
