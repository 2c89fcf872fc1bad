package nl.wijkhub.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Purges entries of a folder of the data directory: the submission folders of the archive
 * ({@code archive/<partner>/<submission>/}, two levels down) or the files of the quarantine (one level down).
 * An entry's age comes from the {@code yyyyMMdd'T'HHmmss'Z'} stamp its name starts with when it has one (the
 * quarantine's names; a moved file keeps the partner's modification time, which may be years old), else from its
 * modification time (a submission folder is made when the delivery is archived).
 */
public final class FolderRetention implements Purge {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int STAMP_LENGTH = 16;

  private final String area;
  private final Path folder;
  private final int depth;
  private final Duration keep;

  private FolderRetention(String area, Path folder, int depth, Duration keep) {
    this.area = area;
    this.folder = folder;
    this.depth = depth;
    this.keep = keep;
  }

  /** The archive under {@code dataDir}, whose entries are {@code <partner>/<submission>/} folders. */
  public static FolderRetention archive(Path dataDir, Duration keep) {
    return new FolderRetention("archive", dataDir.resolve("archive"), 2, keep);
  }

  /** The quarantine under {@code dataDir}, whose entries are files and their {@code .reden.txt}. */
  public static FolderRetention quarantine(Path dataDir, Duration keep) {
    return new FolderRetention("quarantine", dataDir.resolve("quarantine"), 1, keep);
  }

  @Override
  public String area() {
    return area;
  }

  @Override
  public int purge(Instant now) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    Instant cutoff = now.minus(keep);
    int removed = 0;
    for (Path entry : entries()) {
      if (since(entry).isBefore(cutoff)) {
        delete(entry);
        removed++;
      }
    }
    return removed;
  }

  private List<Path> entries() {
    try (Stream<Path> walk = Files.walk(folder, depth)) {
      return walk.filter(path -> folder.relativize(path).getNameCount() == depth && !path.equals(folder)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  private static Instant since(Path entry) {
    return stamp(entry.getFileName().toString()).orElseGet(() -> modified(entry));
  }

  static Optional<Instant> stamp(String name) {
    if (name.length() < STAMP_LENGTH) {
      return Optional.empty();
    }
    try {
      return Optional.of(STAMP.parse(name.substring(0, STAMP_LENGTH), Instant::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Instant modified(Path entry) {
    try {
      return Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the time of " + entry, e);
    }
  }

  private static void delete(Path entry) {
    try {
      FileSystemUtils.deleteRecursively(entry);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + entry, e);
    }
  }
}
