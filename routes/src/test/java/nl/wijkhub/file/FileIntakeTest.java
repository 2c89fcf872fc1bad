package nl.wijkhub.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIntakeTest {

  @TempDir
  Path dir;

  @Test
  void aFileThatKeptItsSizeAndTimeWhileAllOfItWasCopiedIsUnchanged() throws IOException {
    Path file = Files.writeString(dir.resolve("a.csv"), "12345");
    BasicFileAttributes before = attributes(file);

    assertThat(FileIntake.unchanged(before, attributes(file), 5)).isTrue();
  }

  @Test
  void aFileThatGrewDuringTheCopyIsChanged() throws IOException {
    Path file = Files.writeString(dir.resolve("a.csv"), "12345");
    BasicFileAttributes before = attributes(file);
    Files.writeString(file, "678", StandardOpenOption.APPEND);

    assertThat(FileIntake.unchanged(before, attributes(file), 5)).isFalse();
  }

  @Test
  void aFileRewrittenWithTheSameSizeIsChangedByItsModificationTime() throws IOException {
    Path file = Files.writeString(dir.resolve("a.csv"), "12345");
    BasicFileAttributes before = attributes(file);
    Files.writeString(file, "54321");
    Files.setLastModifiedTime(file, FileTime.fromMillis(before.lastModifiedTime().toMillis() + 1000));

    assertThat(FileIntake.unchanged(before, attributes(file), 5)).isFalse();
  }

  @Test
  void aCopyShorterThanTheFileIsChanged() throws IOException {
    Path file = Files.writeString(dir.resolve("a.csv"), "12345");
    BasicFileAttributes before = attributes(file);

    assertThat(FileIntake.unchanged(before, attributes(file), 4)).isFalse();
  }

  private static BasicFileAttributes attributes(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class);
  }
}
