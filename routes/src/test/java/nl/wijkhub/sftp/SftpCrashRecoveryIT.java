package nl.wijkhub.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import nl.wijkhub.support.MinaSftpServer;
import nl.wijkhub.support.SftpHub;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A hub killed (SIGKILL, a separate process) after it committed SFTP deliveries but before it moved them on the
 * partner's server (the server refused the move, as a full disk or a changed permission would): the restarted hub
 * finds each delivery on the ledger and finishes it with its original receipt, publishing nothing again.
 */
@ExtendWith(TestInfrastructure.class)
class SftpCrashRecoveryIT {

  private static final Path JAR = Path.of(System.getProperty("wijkhub.jar", "target/wijkhub.jar"));
  private static final String PASSWORD = "dbieb-crash-geheim";

  // Kept when the test fails, for the hubs' logs.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path data;

  @TempDir
  Path serverRoot;

  private final String isolation = TestInfrastructure.isolation();

  @Test
  void aRejectedAndARefusedFileKilledBeforeTheirMoveAreNotPublishedAgainAndKeepTheirOriginalReceipts()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String rejected = "afgewezen-" + run + ".csv";
    String refused = "ingepakt-" + run + ".csv";
    Path upload = serverRoot.resolve("upload");
    try (MinaSftpServer server = MinaSftpServer.start(serverRoot, "wijkhub", PASSWORD)) {
      server.refuseMoves(MoveTarget::isDoneFolder);
      SftpHub.upload(upload, rejected, SftpHub.HEADER + "geen-indicator;Bilgaard;2015;1;sftp " + run + "\n");
      Files.createDirectories(upload);
      Files.write(upload.resolve(refused), gzip(SftpHub.HEADER));
      List<String> jvm = hubArguments(server);

      List<String> crashingJvm = new ArrayList<>(jvm);
      crashingJvm.add("-Dserver.port=" + FreePorts.pick());
      try (HubProcess crashing = HubProcess.start(JAR, crashingJvm,
          Map.of("WIJKHUB_SFTP_DBIEB_PASSWORD", PASSWORD), data.resolve("hub-1.log"))) {
        // Committed, the receipt written beside the file, the move refused: the hub keeps the file for the next poll.
        await().atMost(Duration.ofSeconds(420))
            .until(() -> receipts(rejected).size() == 1 && receipts(refused).size() == 1
                && Files.exists(upload.resolve(rejected + ".receipt.json"))
                && Files.exists(upload.resolve(refused + ".receipt.json")));
        crashing.kill();
      }
      Map<String, String> originals = new HashMap<>();
      for (String name : List.of(rejected, refused)) {
        List<SubmissionReceipt> committed = receipts(name);
        assertThat(committed).as(name).hasSize(1);
        assertThat(committed.get(0).getStatus().name()).isEqualTo("REJECTED");
        assertThat(upload.resolve(name)).as(name + " still on the server").exists();
        originals.put(name, committed.get(0).getSubmissionId());
      }

      server.refuseMoves(target -> false);
      int port = FreePorts.pick();
      List<String> restartJvm = new ArrayList<>(jvm);
      restartJvm.add("-Dserver.port=" + port);
      try (HubProcess restarted = HubProcess.start(JAR, restartJvm,
          Map.of("WIJKHUB_SFTP_DBIEB_PASSWORD", PASSWORD), data.resolve("hub-2.log"))) {
        restarted.awaitHttpReady(URI.create("http://127.0.0.1:" + port + "/actuator/health"),
            Duration.ofSeconds(420));
        for (String name : List.of(rejected, refused)) {
          JsonNode receipt = SftpHub.awaitReceipt(upload, name);
          assertThat(receipt.get("submissionId").asString()).as(name).isEqualTo(originals.get(name));
          assertThat(receipt.get("status").asString()).isEqualTo("REJECTED");
        }
        assertThat(upload.resolve("verwerkt").resolve(originals.get(rejected)).resolve(rejected)).exists();
        assertThat(upload.resolve("geweigerd").resolve(originals.get(refused)).resolve(refused)).exists();
      }
    }
    for (String name : List.of(rejected, refused)) {
      assertThat(receipts(name)).as("receipts of %s", name).hasSize(1);
    }
    assertThat(TopicReader.committed(Topics.REJECTIONS.name(), Rejection.class,
        r -> r.getSourceName().equals(rejected) || r.getSourceName().equals(refused))).hasSize(2);
  }

  /** The folders the hub moves a finished file into. */
  private static final class MoveTarget {
    static boolean isDoneFolder(Path target) {
      String path = target.toString().replace('\\', '/');
      return path.contains("/" + SftpIntake.PROCESSED + "/") || path.contains("/" + SftpIntake.REFUSED + "/");
    }
  }

  private List<String> hubArguments(MinaSftpServer server) {
    String reference = SftpHub.referenceData(data, Map.of("dbieb", "sftp: {host: 127.0.0.1, port: " + server.port()
        + ", user: wijkhub, directory: upload, passwordFrom: WIJKHUB_SFTP_DBIEB_PASSWORD}"));
    Path knownHosts = SftpHub.knownHosts(data, List.of(server.knownHostsLine()));
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
    Map<String, String> props = new HashMap<>(TestInfrastructure.hubProperties(data.resolve("hub"), isolation));
    props.put("wijkhub.reference-data", reference);
    props.put("wijkhub.sftp.poll-interval", "200ms");
    props.put("wijkhub.sftp.min-age", "100ms");
    props.put("wijkhub.sftp.connect-timeout", "5s");
    props.put("wijkhub.sftp.known-hosts", knownHosts.toString());
    props.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
    return jvm;
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
