package nl.wijkhub.connectors.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTest {

  @TempDir
  Path root;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);

  @Test
  void archivedFileIsFoundUnderItsSubmission() throws IOException {
    DropFolder folder = new DropFolder(root, clock);
    folder.prepare(List.of("dbieb"));
    Path file = Files.writeString(folder.inbox("dbieb").resolve("tellingen.csv"), "x");

    Path archived = folder.archive(file, "dbieb", "s-1");

    assertThat(file).doesNotExist();
    assertThat(archived).hasContent("x");
    assertThat(folder.isArchived("dbieb", "s-1")).isTrue();
    assertThat(folder.isArchived("dbieb", "s-2")).isFalse();
  }

  @Test
  void quarantinedFileKeepsItsContentAndGetsAReason() throws IOException {
    DropFolder folder = new DropFolder(root, clock);
    Path file = Files.writeString(Files.createDirectories(root.resolve("inbox/onbekend")).resolve("a.csv"), "x");

    Path moved = folder.quarantine(file, "Onbekende partner");

    assertThat(moved.getFileName().toString()).isEqualTo("20261125T101530Z-onbekend-a.csv");
    assertThat(moved).hasContent("x");
    assertThat(moved.resolveSibling(moved.getFileName() + ".reden.txt")).content().contains("Onbekende partner");
  }

  @Test
  void receiptPairIsWrittenWithoutTemporaryFilesLeft() throws IOException {
    DropFolder folder = new DropFolder(root, clock);

    folder.writeReceipt("dbieb", false, "t.csv", "{}", "Ontvangen");

    try (var files = Files.list(folder.outbox("dbieb"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("t.csv.receipt.json", "t.csv.receipt.txt");
    }
  }

  @Test
  void trialReceiptGoesToTheTrialFolderOfTheOutbox() {
    DropFolder folder = new DropFolder(root, clock);
    folder.prepare(List.of("dbieb"));

    folder.writeReceipt("dbieb", true, "t.csv", "{}", "Proef");

    assertThat(folder.inbox("dbieb").resolve(DropFolder.TRIAL)).isDirectory();
    assertThat(folder.outbox("dbieb").resolve("proef/t.csv.receipt.txt")).hasContent("Proef");
    assertThat(folder.outbox("dbieb").resolve("t.csv.receipt.txt")).doesNotExist();
  }
}
