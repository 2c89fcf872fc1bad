package nl.wijkhub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.SftpHub;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One delivery round trip against a real OpenSSH server, logging in with a private key: what partners run is
 * OpenSSH far more often than anything else, and its SFTP server differs from MINA's in the details.
 */
@SpringBootTest
@ExtendWith(TestInfrastructure.class)
// A condition, not an assumption in @BeforeAll: Failsafe counts a class aborted there as 0 run and 0 skipped,
// while a disabled class is reported as skipped, with this reason.
@EnabledIf(value = "nl.wijkhub.sftp.OpenSshServer#installed",
    disabledReason = "needs OpenSSH's /usr/sbin/sshd and /usr/lib/openssh/sftp-server (apt-get install openssh-server)")
class SftpOpenSshIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-openssh-it");
  private static final Path HOME = TestInfrastructure.tempDir("wijkhub-openssh-home");
  private static final Path UPLOAD = HOME.resolve("upload");
  private static OpenSshServer server;

  @BeforeAll
  static void startSshd() throws Exception {
    server = OpenSshServer.start(TestInfrastructure.tempDir("wijkhub-openssh"), HOME);
  }

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) throws Exception {
    String reference = SftpHub.referenceData(DATA, Map.of("dbieb", "sftp: {host: 127.0.0.1, port: " + server.port()
        + ", user: root, directory: upload, privateKeyFrom: WIJKHUB_SFTP_DBIEB_KEY}"));
    SftpHub.hubProperties(registry, DATA, reference, SftpHub.knownHosts(DATA, List.of(server.knownHostsLine())),
        Map.of("WIJKHUB_SFTP_DBIEB_KEY", server.clientKey()));
  }

  @AfterAll
  static void stopSshd() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aDeliveryOnAnOpenSshServerIsPublishedReceiptedBesideItAndMovedToVerwerkt() {
    String run = UUID.randomUUID().toString();
    SftpHub.upload(UPLOAD, "openssh.csv", SftpHub.HEADER + "taalmaatjes-gekoppeld;Bilgaard;2020;3;openssh " + run
        + "\n");

    JsonNode receipt = SftpHub.awaitReceipt(UPLOAD, "openssh.csv");
    String id = receipt.get("submissionId").asString();

    assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
    assertThat(UPLOAD.resolve("openssh.csv.receipt.txt")).content().contains(id);
    assertThat(UPLOAD.resolve("verwerkt").resolve(id).resolve("openssh.csv")).content().contains(run);
    assertThat(TopicReader.committed(Topics.INDICATORS.name(), IndicatorObservation.class,
        o -> o.getSubmissionId().equals(id))).hasSize(1);
  }
}
