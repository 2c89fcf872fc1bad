package nl.wijkhub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.wijkhub.normalise.Admission;
import nl.wijkhub.normalise.Delivery;
import nl.wijkhub.normalise.NormaliseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class SftpIntakeTest {

  @TempDir
  Path spool;

  private SftpIntake intake() {
    return new SftpIntake(spool, new Admission(new NormaliseSettings(DataSize.ofMegabytes(1))),
        Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
  }

  private Delivery spooled(String relativeName, String content) {
    return intake().spool(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), relativeName, "elkien");
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

    assertThat(intake().doneFolder(readable)).isEqualTo("verwerkt/" + readable.submissionId());
    assertThat(intake().doneFolder(empty)).isEqualTo("geweigerd/" + empty.submissionId());
    assertThat(intake().doneFolder(pdf)).isEqualTo("geweigerd/" + pdf.submissionId());
  }
}
