package nl.wijkhub.connectors.dropfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The folders of the data directory and the moves between them. Every move ends a delivery with a trace: a receipt
 * in the outbox, the file in the archive, or the file in quarantine with a reason beside it. Writes go to a temporary
 * name first and are renamed, so a partner never reads half a receipt.
 */
public class DropFolder {

  /** Sub-folder of a partner's inbox and outbox for trial deliveries: validated and receipted, never published. */
  public static final String TRIAL = "proef";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path root;
  private final Clock clock;

  public DropFolder(Path root, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.clock = clock;
  }

  public Path inbox() {
    return root.resolve("inbox");
  }

  public Path inbox(String partnerId) {
    return inbox().resolve(partnerId);
  }

  public Path outbox(String partnerId) {
    return root.resolve("outbox").resolve(partnerId);
  }

  public Path quarantine() {
    return root.resolve("quarantine");
  }

  /** Creates the folders a partner needs, so a new partner can deliver without anyone making them by hand. */
  public void prepare(Iterable<String> partnerIds) {
    for (String partnerId : partnerIds) {
      createDirectories(inbox(partnerId).resolve(TRIAL));
      createDirectories(outbox(partnerId).resolve(TRIAL));
    }
    createDirectories(quarantine());
  }

  public Path archiveOf(String partnerId, String submissionId) {
    return root.resolve("archive").resolve(partnerId).resolve(submissionId);
  }

  /** True when the delivery with this id has been archived, i.e. its lifecycle finished. */
  public boolean isArchived(String partnerId, String submissionId) {
    return Files.isDirectory(archiveOf(partnerId, submissionId));
  }

  public Path archive(Path file, String partnerId, String submissionId) {
    Path target = archiveOf(partnerId, submissionId).resolve(file.getFileName());
    return move(file, target);
  }

  /** Moves a file that cannot be ingested aside, with a reason file a programme employee can read. */
  public Path quarantine(Path file, String reason) {
    Path target = quarantine().resolve(STAMP.format(clock.instant()) + "-" + file.getParent().getFileName()
        + "-" + file.getFileName());
    Path moved = move(file, target);
    writeAtomically(moved.resolveSibling(moved.getFileName() + ".reden.txt"), reason + System.lineSeparator());
    return moved;
  }

  /**
   * Writes the receipt pair {@code <file>.receipt.json} and {@code <file>.receipt.txt} to the partner's outbox, or
   * to its {@code proef/} sub-folder for a trial delivery.
   */
  public void writeReceipt(String partnerId, boolean trial, String fileName, String json, String text) {
    Path outbox = trial ? outbox(partnerId).resolve(TRIAL) : outbox(partnerId);
    writeAtomically(outbox.resolve(fileName + ".receipt.json"), json);
    writeAtomically(outbox.resolve(fileName + ".receipt.txt"), text);
  }

  private static Path move(Path file, Path target) {
    createDirectories(target.getParent());
    try {
      return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + file + " to " + target, e);
    }
  }

  private static void writeAtomically(Path target, String content) {
    createDirectories(target.getParent());
    Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }
}
