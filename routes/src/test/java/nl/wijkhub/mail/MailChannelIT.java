package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.wijkhub.embedded.FreePorts;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The e-mail channel end to end: a real IMAP and SMTP server (GreenMail), broker, registry and PostgreSQL. */
@SpringBootTest
@ExtendWith(TestInfrastructure.class)
class MailChannelIT {

  private static final String HUB = "aanleveren@wijkhub.example";
  private static final String TRIAL = "aanleveren+proef@wijkhub.example";
  private static final String DBIEB = "tellingen@dbieb.example";
  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final GreenMail MAIL = new GreenMail(new ServerSetup[] {
      new ServerSetup(FreePorts.pick(), FreePorts.LOOPBACK, ServerSetup.PROTOCOL_SMTP),
      new ServerSetup(FreePorts.pick(), FreePorts.LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
  private static final GreenMailUser MAILBOX;

  static {
    MAIL.start();
    MAILBOX = MAIL.setUser(HUB, HUB, "geheim");
  }

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) throws IOException {
    Map<String, String> props = TestInfrastructure.hubProperties(Files.createTempDirectory("wijkhub-mail-it"),
        TestInfrastructure.isolation());
    props.put("wijkhub.mail.enabled", "true");
    props.put("wijkhub.mail.poll-interval", "200ms");
    props.put("wijkhub.mail.trial-address", TRIAL);
    props.put("wijkhub.mail.from", HUB);
    for (String server : List.of("imap", "smtp")) {
      ServerSetup setup = server.equals("imap") ? MAIL.getImap().getServerSetup() : MAIL.getSmtp().getServerSetup();
      props.put("wijkhub.mail." + server + ".host", FreePorts.LOOPBACK);
      props.put("wijkhub.mail." + server + ".port", String.valueOf(setup.getPort()));
      props.put("wijkhub.mail." + server + ".user", HUB);
      props.put("wijkhub.mail." + server + ".password", "geheim");
      props.put("wijkhub.mail." + server + ".ssl", "false");
    }
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @AfterAll
  static void stopMailServer() {
    MAIL.stop();
  }

  @Test
  void registeredSenderMailsACsvAndGetsADutchReceiptWhileTheCountsArePublishedAndTheMessageIsHandled()
      throws Exception {
    String run = UUID.randomUUID().toString();
    MimeMessage sent = deliver(mail(DBIEB, HUB, "Tellingen " + run, attachment("tellingen.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;7;mail " + run + "\n"
        + "basisvaardigheden-deelnemers;heechterp;2024;62;\n")));

    MimeMessage reply = awaitReply(DBIEB, run);
    JsonNode receipt = receiptJson(reply, "tellingen.csv");
    String id = receipt.get("submissionId").asString();

    assertThat(reply.getSubject()).isEqualTo("Ontvangstbevestiging: Tellingen " + run);
    assertThat(reply.getHeader("In-Reply-To")).containsExactly(sent.getMessageID());
    assertThat(reply.getHeader("References")).containsExactly(sent.getMessageID());
    assertThat(text(reply)).contains("Bestand:    tellingen.csv", "Kenmerk:    " + id,
        "geaccepteerd: alle regels zijn verwerkt", "Verwerkt:   2 regels", "alleen voor tellingen");
    assertThat(receipt.get("channel").asString()).isEqualTo("EMAIL");
    assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(id))).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
        "leeuwarden-oost|taalmaatjes-gekoppeld|bilgaard|2024",
        "leeuwarden-oost|basisvaardigheden-deelnemers|heechterp-schieringen|2024");
    awaitIn("Verwerkt", run);
    assertThat(subjects("INBOX")).noneMatch(s -> s.contains(run));
  }

  @Test
  void csvWithBadRowsGetsAReplyNamingLineFieldAndReasonOfEachError() throws Exception {
    String run = UUID.randomUUID().toString();
    deliver(mail(DBIEB, HUB, "Met fouten " + run, attachment("met-fouten.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024-Q1;3;mail " + run + "\n"
        + "taalmaatjes-gekoppeld;Bilgaardt;2024-Q1;3;\n"
        + "taalmaatjes-gekoppeld;Vrijheidswijk;2024-Q1;-1;\n")));

    MimeMessage reply = awaitReply(DBIEB, run);

    assertThat(text(reply)).contains("gedeeltelijk geaccepteerd", "Verwerkt:   1 regel", "Afgewezen:  2 regels",
        "Regel 3, kolom wijk:", "[WIJK_ONBEKEND]", "Regel 4, kolom waarde:", "[WAARDE_NEGATIEF]");
    assertThat(receiptJson(reply, "met-fouten.csv").get("errors").valueStream()
        .map(e -> e.get("line").asLong() + " " + e.get("field").asString() + " " + e.get("code").asString()))
        .containsExactly("3 wijk WIJK_ONBEKEND", "4 waarde WAARDE_NEGATIEF");
    awaitIn("Verwerkt", run);
  }

  @Test
  void unknownSenderIsQuarantinedAndGetsNoMail() throws Exception {
    String run = UUID.randomUUID().toString();
    String stranger = "onbekend-" + run.substring(0, 8) + "@elders.example";
    deliver(mail(stranger, HUB, "Cijfers " + run, attachment("tellingen.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;1;\n")));

    awaitIn("Quarantaine", run);

    assertThat(repliesTo(stranger, run)).isEmpty();
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getChannel().equals("EMAIL") && r.getSourceName().equals("tellingen.csv")
            && !r.getPartner().equals("dbieb"))).isEmpty();
  }

  @Test
  void registeredSenderWithoutAttachmentGetsTheShortHowToReply() throws Exception {
    String run = UUID.randomUUID().toString();
    MimeMessage message = mail(DBIEB, HUB, "Vraag " + run, null);
    message.setText("Hoe lever ik de cijfers aan?", "UTF-8");
    deliver(message);

    MimeMessage reply = awaitReply(DBIEB, run);

    assertThat(reply.getSubject()).isEqualTo("Geen bestand om te verwerken: Vraag " + run);
    assertThat((String) reply.getContent()).contains("CSV (.csv), JSON (.json) of Excel (.xlsx)",
        "indicator;wijk;periode;waarde;toelichting", TRIAL, "alleen voor tellingen");
    awaitIn("Verwerkt", run);
  }

  @Test
  void messageToTheTrialAddressGetsATrialReceiptAndPublishesNothing() throws Exception {
    String run = UUID.randomUUID().toString();
    deliver(mail(DBIEB, TRIAL, "Proef " + run, attachment("proef.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;7;proef " + run + "\n")));

    MimeMessage reply = awaitReply(DBIEB, run);
    JsonNode receipt = receiptJson(reply, "proef.csv");
    String id = receipt.get("submissionId").asString();

    assertThat(receipt.get("dryRun").asBoolean()).isTrue();
    assertThat(receipt.get("accepted").asLong()).isEqualTo(1);
    assertThat(text(reply)).contains("proefaanlevering");
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(id))).isEmpty();
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getSubmissionId().equals(id))).isEmpty();
    awaitIn("Verwerkt", run);
  }

  @Test
  void autoReplyFromARegisteredSenderIsQuarantinedAndNotAnswered() throws Exception {
    String run = UUID.randomUUID().toString();
    MimeMessage message = mail(DBIEB, HUB, "Afwezig: " + run, null);
    message.setText("Ik ben tot maandag afwezig.", "UTF-8");
    message.setHeader("Auto-Submitted", "auto-replied");
    deliver(message);

    awaitIn("Quarantaine", run);

    assertThat(repliesTo(DBIEB, run)).isEmpty();
  }

  private static MimeMessage mail(String from, String to, String subject, MimeBodyPart attachment)
      throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject, "UTF-8");
    if (attachment != null) {
      MimeBodyPart text = new MimeBodyPart();
      text.setText("Hierbij onze cijfers.", "UTF-8");
      message.setContent(new MimeMultipart(text, attachment));
    }
    return message;
  }

  private static MimeBodyPart attachment(String name, String content) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(content, "UTF-8");
    part.setFileName(name);
    return part;
  }

  /** Into the hub's inbox, as the mail exchanger would (a plus-address lands in the same mailbox). */
  private static MimeMessage deliver(MimeMessage message) throws MessagingException {
    message.saveChanges();
    MAILBOX.deliver(message);
    return message;
  }

  private static MimeMessage awaitReply(String to, String run) {
    return await().atMost(PATIENCE).until(() -> repliesTo(to, run), replies -> !replies.isEmpty()).get(0);
  }

  private static List<MimeMessage> repliesTo(String to, String run) {
    return MAIL.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(to),
        message -> subject(message).contains(run)).toList();
  }

  private static void awaitIn(String folder, String run) {
    await().atMost(PATIENCE).until(() -> subjects(folder).stream().anyMatch(s -> s.contains(run)));
  }

  private static List<String> subjects(String folder) {
    MailFolder mailFolder = MAIL.getManagers().getImapHostManager().getFolder(MAILBOX, folder);
    return mailFolder == null ? List.of() : mailFolder.getNonDeletedMessages().stream()
        .map(StoredMessage::getMimeMessage).map(MailChannelIT::subject).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage reply) throws IOException, MessagingException {
    return (String) ((Multipart) reply.getContent()).getBodyPart(0).getContent();
  }

  private static JsonNode receiptJson(MimeMessage reply, String attachment) throws IOException, MessagingException {
    Multipart parts = (Multipart) reply.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if ((attachment + ".receipt.json").equals(part.getFileName())) {
        try (InputStream in = part.getInputStream()) {
          return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    throw new AssertionError("No " + attachment + ".receipt.json attached");
  }
}
