package nl.wijkhub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.DeliverySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class SftpIntakeTest {

  @TempDir
  Path spool;

  private SftpIntake intake() {
    return new SftpIntake(spool,
        new Admission(new DeliverySettings(DataSize.ofMegabytes(1), Duration.ofSeconds(60), 3)),
        Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
  }

  private Delivery spooled(String relativeName, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return intake().spool(new ByteArrayInputStream(bytes), relativeName, (long) bytes.length, "elkien");
  }

  private static SubmissionReceipt receiptOf(Delivery delivery) {
    return SubmissionReceipt.newBuilder().setSubmissionId(delivery.submissionId()).setPartner("elkien")
        .setChannel("SFTP").setSourceName(delivery.sourceName()).setSha256(delivery.sha256())
        .setStatus(ReceiptStatus.ACCEPTED).setAccepted(1).setRejected(0).setErrors(List.of())
        .setReceivedAt(delivery.receivedAt()).setCompletedAt(delivery.receivedAt()).build();
  }

  @Test
  void aFileInThePolledFolderIsARealSftpDeliveryUnderItsOwnName() throws Exception {
    Delivery delivery = spooled("tellingen.csv", "indicator;wijk;periode;waarde\n");

    assertThat(delivery.channel()).isEqualTo("SFTP");
    assertThat(delivery.partnerId()).isEqualTo("elkien");
    assertThat(delivery.sourceName()).isEqualTo("tellingen.csv");
    assertThat(delivery.dryRun()).isFalse();
    assertThat(delivery.sizeBytes()).isEqualTo(30);
    assertThat(Files.readString(delivery.content())).isEqualTo("indicator;wijk;periode;waarde\n");
  }

  @Test
  void aFileInProefIsATrial() {
    Delivery delivery = spooled("proef/tellingen.csv", "x");

    assertThat(delivery.dryRun()).isTrue();
    assertThat(delivery.sourceName()).isEqualTo("tellingen.csv");
  }

  @Test
  void aReadableFileMovesToVerwerktAndARefusedOneToGeweigerd() {
    Delivery readable = spooled("tellingen.csv", "x");
    Delivery empty = spooled("leeg.csv", "");
    Delivery pdf = spooled("tellingen.pdf", "%PDF");

    assertThat(intake().doneFolder(readable, receiptOf(readable))).isEqualTo("verwerkt/" + readable.submissionId());
    assertThat(intake().doneFolder(empty, receiptOf(empty))).isEqualTo("geweigerd/" + empty.submissionId());
    assertThat(intake().doneFolder(pdf, receiptOf(pdf))).isEqualTo("geweigerd/" + pdf.submissionId());
  }

  @Test
  void theSameFileAgainCarriesTheSameKeySoARestartFindsItsOriginalReceipt() {
    Delivery first = spooled("tellingen.csv", "x");
    Delivery again = spooled("tellingen.csv", "x");
    Delivery renamed = spooled("andere.csv", "x");

    assertThat(again.idempotencyKey()).startsWith("sftp:").isEqualTo(first.idempotencyKey());
    assertThat(renamed.idempotencyKey()).isNotEqualTo(first.idempotencyKey());
    assertThat(spooled("proef/tellingen.csv", "x").idempotencyKey()).isNull();
  }

  @Test
  void aFileListedAsLargerThanTheLimitIsNotDownloadedAndIsRefusedBySize() {
    Delivery delivery = intake().spool(new ByteArrayInputStream(new byte[0]), "groot.csv",
        DataSize.ofMegabytes(3).toBytes(), "elkien");

    assertThat(delivery.sizeBytes()).isEqualTo(DataSize.ofMegabytes(3).toBytes());
    assertThat(delivery.content()).doesNotExist();
    assertThat(intake().doneFolder(delivery, receiptOf(delivery))).startsWith("geweigerd/");
  }
}
