package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.wijkhub.mail.MailAttachments.Attachment;
import org.junit.jupiter.api.Test;

class MailAttachmentsTest {

  @Test
  void attachmentsNormalisationReadsAreDeliverablesAndOtherPartsAreNot() throws Exception {
    MimeMultipart signed = new MimeMultipart();
    signed.addBodyPart(attachment("logo.png"));
    signed.addBodyPart(attachment("Tellingen.CSV"));
    MimeBodyPart nested = new MimeBodyPart();
    nested.setContent(signed);
    MimeMultipart parts = new MimeMultipart();
    parts.addBodyPart(text());
    parts.addBodyPart(nested);
    parts.addBodyPart(attachment("cijfers.json"));
    parts.addBodyPart(attachment("werkblad.xlsx"));
    parts.addBodyPart(attachment("export.txt"));
    parts.addBodyPart(attachment("toelichting.pdf"));
    parts.addBodyPart(attachment("oud-werkblad.xls"));

    assertThat(MailAttachments.deliverable(mail(parts))).extracting(Attachment::name)
        .containsExactly("Tellingen.CSV", "cijfers.json", "werkblad.xlsx", "export.txt");
  }

  @Test
  void encodedFileNameIsDecodedAsThePartnerSavedIt() throws Exception {
    MimeMultipart parts = new MimeMultipart();
    parts.addBodyPart(attachment(MimeUtility.encodeText("tellingen-één.csv", "UTF-8", "Q")));

    assertThat(MailAttachments.deliverable(mail(parts))).extracting(Attachment::name)
        .containsExactly("tellingen-één.csv");
  }

  @Test
  void plainTextMessageHasNoDeliverables() throws Exception {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setText("indicator;wijk;periode;waarde\n", "UTF-8");
    mail.saveChanges();

    assertThat(MailAttachments.deliverable(mail)).isEmpty();
  }

  @Test
  void attachmentWhoseBase64DoesNotDecodeIsUndecodableWhenRead() throws Exception {
    InternetHeaders headers = new InternetHeaders();
    headers.setHeader("Content-Disposition", "attachment; filename=kapot.csv");
    headers.setHeader("Content-Transfer-Encoding", "base64");
    MimeMultipart parts = new MimeMultipart();
    parts.addBodyPart(new MimeBodyPart(headers, "A\r\n".getBytes(StandardCharsets.US_ASCII)));

    Attachment broken = MailAttachments.deliverable(mail(parts)).get(0);

    try (InputStream in = broken.content()) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(MailAttachments.Undecodable.class)
          .hasCauseInstanceOf(IOException.class).message().doesNotContain("A\r\n");
    }
  }

  private static MimeMessage mail(MimeMultipart parts) throws MessagingException {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setContent(parts);
    mail.saveChanges();
    return mail;
  }

  private static MimeBodyPart text() throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText("Hierbij de cijfers.", "UTF-8");
    return part;
  }

  private static MimeBodyPart attachment(String name) throws MessagingException, IOException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText("x", "UTF-8");
    part.setFileName(name);
    return part;
  }
}
