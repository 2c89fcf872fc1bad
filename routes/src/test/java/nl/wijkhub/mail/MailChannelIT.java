package nl.wijkhub.mail;

import static nl.wijkhub.support.MailDriver.attachment;
import static nl.wijkhub.support.MailDriver.message;
import static nl.wijkhub.support.MailDriver.receiptJson;
import static nl.wijkhub.support.MailDriver.text;
import static nl.wijkhub.support.MailDriver.unauthenticated;
import static nl.wijkhub.support.MailDriver.undecodable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.MailDriver;
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

/** The e-mail channel end to end: a real IMAP and SMTP server (GreenMail), broker, registry and PostgreSQL. */
@SpringBootTest
@ExtendWith(TestInfrastructure.class)
class MailChannelIT {

  private static final String HUB = MailDriver.HUB;
  private static final String TRIAL = MailDriver.TRIAL;
  private static final String DBIEB = "tellingen@dbieb.example";
  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";
  private static final MailDriver MAIL = new MailDriver();

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) throws IOException {
    Map<String, String> props = TestInfrastructure.hubProperties(Files.createTempDirectory("wijkhub-mail-it"),
        TestInfrastructure.isolation());
    props.putAll(MAIL.hubProperties());
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @AfterAll
  static void stopMailServer() {
    MAIL.close();
  }

  @Test
  void registeredSenderMailsACsvAndGetsADutchReceiptWhileTheCountsArePublishedAndTheMessageIsHandled()
      throws Exception {
    String run = UUID.randomUUID().toString();
    MimeMessage sent = MAIL.deliver(message(DBIEB, HUB, "Tellingen " + run, attachment("tellingen.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;7;mail " + run + "\n"
        + "basisvaardigheden-deelnemers;heechterp;2024;62;\n")));

    MimeMessage reply = MAIL.awaitReply(DBIEB, run);
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
    MAIL.awaitIn("Verwerkt", run);
    assertThat(MAIL.subjects("INBOX")).noneMatch(s -> s.contains(run));
  }

  @Test
  void signalsByEMailAreRefusedWithTheSafeChannelsWithoutEchoAndTheMessageIsDeleted() throws Exception {
    String run = UUID.randomUUID().toString();
    MimeMessage sent = MAIL.deliver(message(DBIEB, HUB, "Zorgen om Hendrik Kuipers " + run,
        attachment("signalen.csv", "soort;bsn;naam;wijk;datum;professional;contact\n"
            + "jongere-in-beeld;111222333;Hendrik Kuipers;Bilgaard;2026-11-30;A. Agent;0580-1\n")));

    MimeMessage reply = MAIL.awaitReply(DBIEB, "persoonsgegevens horen niet in e-mail");

    assertThat(reply.getHeader("In-Reply-To")).containsExactly(sent.getMessageID());
    assertThat(reply.getSubject()).doesNotContain("Hendrik", run);
    assertThat(text(reply)).contains("[PERSOONSGEGEVENS]", "API", "signalen/")
        .doesNotContain("111222333", "Hendrik Kuipers");
    assertThat(receiptJson(reply, "signalen.csv").get("status").asString()).isEqualTo("REJECTED");
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> MAIL.subjects("INBOX").stream()
        .noneMatch(subject -> subject.contains(run)));
    assertThat(MAIL.subjects("Verwerkt")).noneMatch(subject -> subject.contains(run));
    assertThat(MAIL.subjects("Quarantaine")).noneMatch(subject -> subject.contains(run));
  }

  @Test
  void csvWithBadRowsGetsAReplyNamingLineFieldAndReasonOfEachError() throws Exception {
    String run = UUID.randomUUID().toString();
    MAIL.deliver(message(DBIEB, HUB, "Met fouten " + run, attachment("met-fouten.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024-Q1;3;mail " + run + "\n"
        + "taalmaatjes-gekoppeld;Bilgaardt;2024-Q1;3;\n"
        + "taalmaatjes-gekoppeld;Vrijheidswijk;2024-Q1;-1;\n")));

    MimeMessage reply = MAIL.awaitReply(DBIEB, run);

    assertThat(text(reply)).contains("gedeeltelijk geaccepteerd", "Verwerkt:   1 regel", "Afgewezen:  2 regels",
        "Regel 3, kolom wijk:", "[WIJK_ONBEKEND]", "Regel 4, kolom waarde:", "[WAARDE_NEGATIEF]");
    assertThat(receiptJson(reply, "met-fouten.csv").get("errors").valueStream()
        .map(e -> e.get("line").asLong() + " " + e.get("field").asString() + " " + e.get("code").asString()))
        .containsExactly("3 wijk WIJK_ONBEKEND", "4 waarde WAARDE_NEGATIEF");
    MAIL.awaitIn("Verwerkt", run);
  }

  @Test
  void unknownSenderIsQuarantinedAndGetsNoMail() throws Exception {
    String run = UUID.randomUUID().toString();
    String stranger = "onbekend-" + run.substring(0, 8) + "@elders.example";
    String file = "tellingen-" + run + ".csv";
    MAIL.deliver(message(stranger, HUB, "Cijfers " + run, attachment(file, HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;1;\n")));

    MAIL.awaitIn("Quarantaine", run);

    assertThat(MAIL.repliesTo(stranger, run)).isEmpty();
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getSourceName().equals(file))).isEmpty();
  }

  @Test
  void registeredSenderWithoutAttachmentGetsTheShortHowToReply() throws Exception {
    String run = UUID.randomUUID().toString();
    MimeMessage message = message(DBIEB, HUB, "Vraag " + run, null);
    message.setText("Hoe lever ik de cijfers aan?", "UTF-8");
    MAIL.deliver(message);

    MimeMessage reply = MAIL.awaitReply(DBIEB, run);

    assertThat(reply.getSubject()).isEqualTo("Geen bestand om te verwerken: Vraag " + run);
    assertThat((String) reply.getContent()).contains("CSV (.csv), JSON (.json) of Excel (.xlsx)",
        "indicator;wijk;periode;waarde;toelichting", TRIAL, "alleen voor tellingen");
    MAIL.awaitIn("Verwerkt", run);
  }

  @Test
  void messageToTheTrialAddressGetsATrialReceiptAndPublishesNothing() throws Exception {
    String run = UUID.randomUUID().toString();
    MAIL.deliver(message(DBIEB, TRIAL, "Proef " + run, attachment("proef.csv", HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;7;proef " + run + "\n")));

    MimeMessage reply = MAIL.awaitReply(DBIEB, run);
    JsonNode receipt = receiptJson(reply, "proef.csv");
    String id = receipt.get("submissionId").asString();

    assertThat(receipt.get("dryRun").asBoolean()).isTrue();
    assertThat(receipt.get("accepted").asLong()).isEqualTo(1);
    assertThat(text(reply)).contains("proefaanlevering");
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(id))).isEmpty();
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getSubmissionId().equals(id))).isEmpty();
    MAIL.awaitIn("Verwerkt", run);
  }

  @Test
  void autoReplyFromARegisteredSenderIsQuarantinedAndNotAnswered() throws Exception {
    String run = UUID.randomUUID().toString();
    MimeMessage message = message(DBIEB, HUB, "Afwezig: " + run, null);
    message.setText("Ik ben tot maandag afwezig.", "UTF-8");
    message.setHeader("Auto-Submitted", "auto-replied");
    MAIL.deliver(message);

    MAIL.awaitIn("Quarantaine", run);

    assertThat(MAIL.repliesTo(DBIEB, run)).isEmpty();
  }

  @Test
  void registeredAddressWithoutTheMailServersAuthenticationIsQuarantinedAndGetsNoMail() throws Exception {
    String run = UUID.randomUUID().toString();
    String file = "vervalst-" + run + ".csv";
    MimeMessage spoofed = unauthenticated(DBIEB, HUB, "Cijfers " + run, attachment(file, HEADER
        + "taalmaatjes-gekoppeld;Bilgaard;2024;1;\n"));
    spoofed.setHeader("Authentication-Results", "mx.elders.example; dmarc=pass header.from=dbieb.example");
    MAIL.deliver(spoofed);

    MAIL.awaitIn("Quarantaine", run);

    assertThat(MAIL.repliesTo(DBIEB, run)).isEmpty();
    assertThat(TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getSourceName().equals(file))).isEmpty();
  }

  @Test
  void unreadableMessageFromARegisteredSenderIsAnsweredOnceAndQuarantinedInsteadOfRetried() throws Exception {
    String run = UUID.randomUUID().toString();
    MAIL.deliver(message(DBIEB, HUB, "Kapot " + run, undecodable("kapot.csv")));

    MAIL.awaitIn("Quarantaine", run);
    MimeMessage reply = MAIL.awaitReply(DBIEB, run);

    assertThat(reply.getSubject()).isEqualTo("E-mail niet leesbaar: Kapot " + run);
    assertThat((String) reply.getContent()).contains("kon de e-mail niet lezen", "CSV (.csv), JSON (.json) of"
        + " Excel (.xlsx)", TRIAL, "alleen voor tellingen");
    assertThat(MAIL.subjects("INBOX")).noneMatch(s -> s.contains(run));
    assertThat(MAIL.repliesTo(DBIEB, run)).hasSize(1);
  }
}
