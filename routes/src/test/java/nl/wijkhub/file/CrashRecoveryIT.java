package nl.wijkhub.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkhub.embedded.FreePorts;
import nl.wijkhub.embedded.HubProcess;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.DropFolderDriver;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A hub killed at the worst moments, as a separate process with {@code kill -9}: a delivery is published exactly
 * once and its partner gets a receipt, whenever the hub dies.
 */
@ExtendWith(TestInfrastructure.class)
class CrashRecoveryIT {

  private static final String HEADER = "indicator;wijk;periode;waarde;toelichting\n";
  private static final Path JAR = Path.of(System.getProperty("wijkhub.jar", "target/wijkhub.jar"));

  @TempDir
  Path data;

  private final String isolation = TestInfrastructure.isolation();

  @Test
  void hubKilledMidFileLeavesNothingVisibleAndTheRestartIngestsTheFileExactlyOnce() throws Exception {
    int rows = 400_000;
    Path file = bigDelivery(rows);
    Map<TopicPartition, Long> before = TopicReader.endOffsets(Topics.INDICATORS.name());
    DropFolderDriver partner = new DropFolderDriver(data);

    try (HubProcess first = startHub(List.of())) {
      partner.deliver("dbieb", "groot.csv", Files.readAllBytes(file));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
          .until(() -> uncommittedSince(before) > 1_000);
      first.kill();
    }

    assertThat(partner.inboxFile("dbieb", "groot.csv")).exists();
    assertThat(partner.receiptJson("dbieb", "groot.csv")).doesNotExist();
    assertThat(TopicReader.committedSince(Topics.INDICATORS.name(), before)).isZero();

    try (HubProcess second = startHub(List.of())) {
      JsonNode receipt = partner.awaitReceipt("dbieb", "groot.csv", Duration.ofMinutes(3));
      assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
      assertThat(receipt.get("accepted").asLong()).isEqualTo(rows);
    }
    assertThat(TopicReader.committedSince(Topics.INDICATORS.name(), before)).isEqualTo(rows);
  }

  @Test
  void hubKilledAfterTheCommitDoesNotPublishAgainAndThePartnerGetsTheOriginalReceipt() throws Exception {
    String marker = "na-commit " + UUID.randomUUID();
    String content = HEADER + "taalmaatjes-gekoppeld;Bilgaard;2021;1;" + marker + "\n"
        + "taalmaatjes-gekoppeld;Vrijheidswijk;2021;2;" + marker + "\n";
    Map<TopicPartition, Long> before = TopicReader.endOffsets(Topics.INDICATORS.name());
    DropFolderDriver partner = new DropFolderDriver(data);

    try (HubProcess crashing = startHub(List.of("-Dwijkhub.file-drop.halt-after-commit=true"))) {
      partner.deliver("dbieb", "klein.csv", content);
      await().atMost(Duration.ofSeconds(60)).until(() -> !crashing.isAlive());
    }
    List<SubmissionReceipt> committed = TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getSourceName().equals("klein.csv")).stream().map(r -> r.value()).toList();
    assertThat(committed).hasSize(1);
    assertThat(partner.inboxFile("dbieb", "klein.csv")).exists();
    assertThat(partner.receiptJson("dbieb", "klein.csv")).doesNotExist();
    assertThat(TopicReader.committedSince(Topics.INDICATORS.name(), before)).isEqualTo(2);
    String original = committed.get(0).getSubmissionId();

    try (HubProcess restarted = startHub(List.of())) {
      JsonNode receipt = partner.awaitReceipt("dbieb", "klein.csv");
      assertThat(receipt.get("submissionId").asString()).isEqualTo(original);
      assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
      assertThat(partner.archived("dbieb", original, "klein.csv")).exists();
    }
    assertThat(TopicReader.committedSince(Topics.INDICATORS.name(), before)).isEqualTo(2);
  }

  @Test
  void aRejectedAndARefusedFileKilledAfterTheCommitAreNotPublishedAgainAndKeepTheirOriginalReceipts()
      throws Exception {
    String marker = "afgewezen " + UUID.randomUUID();
    Map<String, String> files = Map.of(
        "afgewezen.csv", HEADER + "geen-indicator;Bilgaard;2021;1;" + marker + "\n",
        // Only a header: refused as a whole (BESTAND_LEEG).
        "alleen-kop.csv", HEADER);
    DropFolderDriver partner = new DropFolderDriver(data);
    files.forEach((name, content) -> partner.deliver("ikc-9", name, content));

    // Each crashing hub halts right after its first commit: the first commits one file, the second finishes that one
    // from the ledger (no commit, so no halt) and commits the other.
    for (int crash = 0; crash < 2; crash++) {
      // Not awaited as ready: the files wait in the inbox, so the hub may commit and halt before it answers health.
      try (HubProcess crashing = launchHub(List.of("-Dwijkhub.file-drop.halt-after-commit=true"))) {
        await().atMost(Duration.ofSeconds(180)).until(() -> !crashing.isAlive());
      }
    }
    Map<String, String> originals = new java.util.HashMap<>();
    for (String name : files.keySet()) {
      List<SubmissionReceipt> committed = receipts("ikc-9", name);
      assertThat(committed).as(name).hasSize(1);
      assertThat(committed.get(0).getStatus().name()).isEqualTo("REJECTED");
      originals.put(name, committed.get(0).getSubmissionId());
    }

    try (HubProcess restarted = startHub(List.of())) {
      for (String name : files.keySet()) {
        JsonNode receipt = partner.awaitReceipt("ikc-9", name);
        assertThat(receipt.get("submissionId").asString()).as(name).isEqualTo(originals.get(name));
        assertThat(receipt.get("status").asString()).isEqualTo("REJECTED");
        await().atMost(Duration.ofSeconds(30))
            .until(() -> Files.exists(partner.archived("ikc-9", originals.get(name), name)));
      }
    }
    for (String name : files.keySet()) {
      assertThat(receipts("ikc-9", name)).as("receipts of %s", name).hasSize(1);
      assertThat(TopicReader.committed(Topics.REJECTIONS.name(), nl.wijkhub.events.Rejection.class,
          r -> r.getSubmissionId().equals(originals.get(name)))).as("rejections of %s", name).hasSize(1);
    }
  }

  private static List<SubmissionReceipt> receipts(String partnerId, String sourceName) {
    return TopicReader.committed(Topics.RECEIPTS.name(), SubmissionReceipt.class,
        r -> r.getPartner().equals(partnerId) && r.getSourceName().equals(sourceName)).stream()
        .map(r -> r.value()).toList();
  }

  private HubProcess startHub(List<String> extraJvmArguments) throws IOException, InterruptedException {
    int port = FreePorts.pick();
    HubProcess hub = launchHub(port, extraJvmArguments);
    hub.awaitHttpReady(URI.create("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofSeconds(120));
    return hub;
  }

  private HubProcess launchHub(List<String> extraJvmArguments) throws IOException {
    return launchHub(FreePorts.pick(), extraJvmArguments);
  }

  private HubProcess launchHub(int port, List<String> extraJvmArguments) throws IOException {
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-Dserver.port=" + port));
    TestInfrastructure.hubProperties(data, isolation).forEach((k, v) -> jvm.add("-D" + k + "=" + v));
    jvm.addAll(extraJvmArguments);
    return HubProcess.start(JAR, jvm, Map.of(), data.resolve("hub-" + port + ".log"));
  }

  private static long uncommittedSince(Map<TopicPartition, Long> before) {
    return TopicReader.endOffsets(Topics.INDICATORS.name()).entrySet().stream()
        .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
  }

  private Path bigDelivery(int rows) throws IOException {
    String[] wijken = {"bilgaard", "vrijheidswijk", "heechterp-schieringen", "camminghaburen", "oud-oost"};
    Path file = data.resolve("groot.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write(HEADER);
      for (int i = 0; i < rows; i++) {
        out.write("basisvaardigheden-deelnemers;" + wijken[i % wijken.length] + ";" + (2000 + i % 100) + "-"
            + String.format("%02d", 1 + i % 12) + ";" + (i % 997) + ";\n");
      }
    }
    return file;
  }
}
