package nl.wijkhub.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises a file whose name promises text (.csv, .txt, .json) but whose first bytes are those of something else:
 * a zip (also an Excel workbook renamed), gzip, PDF, an old Excel or Word file, or bytes with NULs that no text
 * export writes. Each gets a code that says what the file looks like, so the partner fixes the right thing, and the
 * readers never see it.
 */
final class BinaryContent {

  /** Enough for every signature below and for a NUL in the first lines. */
  private static final int HEAD = 8 * 1024;

  private BinaryContent() {}

  /** The refusal of a text delivery that is not text, or empty when it looks like text or cannot be read here. */
  static Optional<Problem> refusal(Path content) {
    byte[] head;
    try (InputStream in = Files.newInputStream(content)) {
      head = in.readNBytes(HEAD);
    } catch (IOException e) {
      // Not this check's to decide: the reader meets the same fault and the delivery path handles it there.
      return Optional.empty();
    }
    if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
      return refused("BESTAND_IS_ZIP", "Het bestand is geen tekst maar een ingepakt (zip-)bestand, bijvoorbeeld een"
          + " Excel-werkmap met een andere naam. Is het een werkmap, geef het dan de naam …xlsx; pak een zip-bestand"
          + " eerst uit.");
    }
    if (startsWith(head, 0x1F, 0x8B)) {
      return refused("BESTAND_IS_GZIP", "Het bestand is geen tekst maar met gzip ingepakt. Pak het eerst uit en lever"
          + " het CSV- of JSON-bestand zelf aan.");
    }
    if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
      return refused("BESTAND_IS_PDF", "Het bestand is een PDF, geen tekstbestand. De hub kan cijfers uit een PDF"
          + " niet lezen: lever het werkblad aan als CSV of .xlsx.");
    }
    if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
      return refused("BESTAND_IS_OUD_OFFICE", "Het bestand is een oud Excel- of Word-bestand (.xls of .doc), geen"
          + " tekst. Sla het op als CSV of als Excel-werkmap (*.xlsx).");
    }
    if (!startsWith(head, 0xFF, 0xFE) && !startsWith(head, 0xFE, 0xFF) && contains(head, 0)) {
      return refused("BESTAND_IS_BINAIR", "Het bestand bevat tekens die in geen tekstbestand staan (NUL-bytes): het"
          + " is geen CSV of JSON, of het is beschadigd. Sla het opnieuw op als CSV of lever een .xlsx aan.");
    }
    return Optional.empty();
  }

  private static Optional<Problem> refused(String code, String message) {
    return Optional.of(Problem.ofFile(code, message));
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] bytes, int value) {
    for (byte b : bytes) {
      if (b == value) {
        return true;
      }
    }
    return false;
  }
}
