package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import nl.wijkhub.embedded.FreePorts;
import nl.wijkhub.embedded.HubProcess;
import nl.wijkhub.events.Rejection;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.MailDriver;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub killed (SIGKILL, a separate process) after it committed an e-mail's attachments but before it answered and
 * moved the message (its SMTP server unreachable): the restarted hub reads the message again, finds each attachment
 * on the ledger, and answers with the original receipts, publishing nothing again.
 */
@ExtendWith(TestInfrastructure.class)
class MailCrashRecoveryIT {

  private static final Path JAR = Path.of(System.getProperty("wijkhub.jar", "target/wijkhub.jar"));
  private static final String DBIEB = "tellingen@dbieb.example";
  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";

  // Kept when the test fails, for the hubs' logs.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path data;

  private final String isolation = TestInfrastructure.isolation();

  @Test
  void aRejectedAndARefusedAttachmentKilledBeforeTheReplyAreNotPublishedAgainAndKeepTheirOriginalReceipts()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String rejected = "afgewezen-" + run + ".csv";
    String refused = "ingepakt-" + run + ".csv";
    try (MailDriver mail = new MailDriver()) {
      MimeMessage message = MailDriver.message(DBIEB, MailDriver.HUB, "Tellingen " + run, null);
      MimeBodyPart text = new MimeBodyPart();
      text.setText("Hierbij onze cijfers.", "UTF-8");
      message.setContent(new MimeMultipart(text,
          MailDriver.attachment(rejected, HEADER + "geen-indicator;Bilgaard;2015;1;mail " + run + "\n"),
          MailDriver.file(refused, gzip(HEADER))));
      mail.deliver(message);

      // Nothing listens on this SMTP port: the attachments are committed, the reply cannot go out.
      Map<String, String> unreachableSmtp = Map.of("wijkhub.mail.smtp.port", String.valueOf(FreePorts.pick()));
      try (HubProcess crashing = launch(mail, unreachableSmtp, "hub-1.log", FreePorts.pick())) {
        await().atMost(Duration.ofSeconds(420))
            .until(() -> receipts(rejected).size() == 1 && receipts(refused).size() == 1);
        crashing.kill();
      }
      Map<String, String> originals = new HashMap<>();
      for (String name : List.of(rejected, refused)) {
        List<SubmissionReceipt> committed = receipts(name);
        assertThat(committed).as(name).hasSize(1);
        assertThat(committed.get(0).getStatus().name()).isEqualTo("REJECTED");
        originals.put(name, committed.get(0).getSubmissionId());
      }
      assertThat(mail.subjects("INBOX")).as("left unanswered in the inbox").contains("Tellingen " + run);
      assertThat(mail.repliesTo(DBIEB, run)).isEmpty();

      int port = FreePorts.pick();
      try (HubProcess restarted = launch(mail, Map.of(), "hub-2.log", port)) {
        restarted.awaitHttpReady(URI.create("http://127.0.0.1:" + port + "/actuator/health"),
            Duration.ofSeconds(420));
        MimeMessage reply = mail.awaitReply(DBIEB, run);
        for (String name : List.of(rejected, refused)) {
          assertThat(MailDriver.receiptJson(reply, name).get("submissionId").asString()).as(name)
              .isEqualTo(originals.get(name));
        }
        mail.awaitIn("Verwerkt", run);
        assertThat(mail.subjects("INBOX")).doesNotContain("Tellingen " + run);
        assertThat(mail.repliesTo(DBIEB, run)).hasSize(1);
      }
    }
    for (String name : List.of(rejected, refused)) {
      assertThat(receipts(name)).as("receipts of %s", name).hasSize(1);
    }
    assertThat(TopicReader.committed(Topics.REJECTIONS.name(), Rejection.class,
        r -> r.getSourceName().equals(rejected) || r.getSourceName().equals(refused))).hasSize(2);
  }

  private HubProcess launch(MailDriver mail, Map<String, String> overrides, String log, int port) throws IOException {
    Map<String, String> props = new HashMap<>(TestInfrastructure.hubProperties(data.resolve("hub"), isolation));
    props.putAll(mail.hubProperties());
    props.putAll(overrides);
    props.put("server.port", String.valueOf(port));
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
    props.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
    return HubProcess.start(JAR, jvm, Map.of(), data.resolve(log));
  }

  private static List<SubmissionReceipt> receipts(String sourceName) {
    return TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getPartner().equals("dbieb") && r.getSourceName().equals(sourceName)).stream()
        .map(r -> r.value()).toList();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
