package nl.wijkhub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderRetentionTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @TempDir
  Path data;

  @Test
  void archivedSubmissionsOlderThanTheRetentionAreRemovedWithTheirFiles() throws IOException {
    Path old = archived("dbieb", "sub-oud", NOW.minus(Duration.ofDays(401)));
    Path recent = archived("dbieb", "sub-recent", NOW.minus(Duration.ofDays(399)));
    Path other = archived("ggd-fryslan", "sub-ander", NOW.minus(Duration.ofDays(500)));

    int removed = FolderRetention.archive(data, Duration.ofDays(400)).purge(NOW);

    assertThat(removed).isEqualTo(2);
    assertThat(old).doesNotExist();
    assertThat(other).doesNotExist();
    assertThat(recent.resolve("tellingen.csv")).exists();
    assertThat(data.resolve("archive").resolve("dbieb")).isDirectory();
  }

  @Test
  void quarantinedFilesAgeFromTheStampInTheirNameNotFromThePartnersModificationTime() throws IOException {
    Path quarantine = Files.createDirectories(data.resolve("quarantine"));
    Path old = Files.writeString(quarantine.resolve("20261031T115959Z-dbieb-tellingen.pdf"), "x");
    Path oldReason = Files.writeString(quarantine.resolve("20261031T115959Z-dbieb-tellingen.pdf.reden.txt"), "x");
    Path recent = Files.writeString(quarantine.resolve("20261120T080000Z-dbieb-oud.csv"), "x");
    // A partner's file keeps its own, years-old modification time when it is moved to quarantine.
    Files.setLastModifiedTime(recent, FileTime.from(NOW.minus(Duration.ofDays(3000))));

    int removed = FolderRetention.quarantine(data, Duration.ofDays(30)).purge(NOW);

    assertThat(removed).isEqualTo(2);
    assertThat(old).doesNotExist();
    assertThat(oldReason).doesNotExist();
    assertThat(recent).exists();
  }

  @Test
  void anEntryWithoutAStampAgesFromItsModificationTime() throws IOException {
    Path quarantine = Files.createDirectories(data.resolve("quarantine"));
    Path unstamped = Files.writeString(quarantine.resolve("los.csv"), "x");
    Files.setLastModifiedTime(unstamped, FileTime.from(NOW.minus(Duration.ofDays(31))));

    assertThat(FolderRetention.quarantine(data, Duration.ofDays(30)).purge(NOW)).isEqualTo(1);
    assertThat(unstamped).doesNotExist();
  }

  @Test
  void aMissingFolderHasNothingToPurge() {
    assertThat(FolderRetention.archive(data, Duration.ofDays(400)).purge(NOW)).isZero();
  }

  private Path archived(String partner, String submission, Instant at) throws IOException {
    Path folder = Files.createDirectories(data.resolve("archive").resolve(partner).resolve(submission));
    Files.writeString(folder.resolve("tellingen.csv"), "x");
    Files.setLastModifiedTime(folder, FileTime.from(at));
    return folder;
  }
}
