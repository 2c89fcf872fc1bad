package nl.wijkhub.delivery;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a partner's workbook only when it is safe to read: a plain, unencrypted .xlsx without links to other files,
 * whose parts unpack to a bounded size. Anything the libraries cannot read refuses the delivery with a reason the
 * partner can act on, instead of failing it on every attempt without a receipt.
 */
final class XlsxPackage {

  private static final Logger LOG = LoggerFactory.getLogger(XlsxPackage.class);

  /**
   * Largest unpacked part. Sheets are streamed, but the shared strings and a single cell's text are held in memory,
   * and the hub runs in a 256 MB heap; 64 MB of sheet is some 300,000 rows of counts.
   */
  static final long MAX_PART_SIZE = 64L * 1024 * 1024;
  /** Compressed bytes per unpacked byte below which a part is taken for a zip bomb (1:100, POI's own default). */
  static final double MIN_INFLATE_RATIO = 0.01;

  static final String UNREADABLE = "XLSX_ONLEESBAAR";
  static final String TOO_LARGE = "XLSX_TE_GROOT";
  static final String EXTERNAL_LINK = "XLSX_EXTERNE_KOPPELING";

  private static final String ZIP_BOMB = "Zip bomb detected";

  static {
    // JVM-wide settings of POI: stated here so that no default or other library decides them for partner files.
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_PART_SIZE);
  }

  private XlsxPackage() {}

  /** The workbook, streaming; the caller closes it. */
  static Workbook open(Path path) {
    File file = path.toFile();
    try {
      FileMagic magic = FileMagic.valueOf(file);
      if (magic == FileMagic.OLE2) {
        // Excel stores a password-protected workbook, like an old .xls, in an OLE2 container.
        throw refused(UNREADABLE, "Het bestand is met een wachtwoord beveiligd, of het is een oud Excel-bestand"
            + " (.xls). Haal de beveiliging weg en sla het op als gewone Excel-werkmap: Bestand > Opslaan als >"
            + " Excel-werkmap (*.xlsx).");
      }
      if (magic != FileMagic.OOXML) {
        throw unreadable(null);
      }
      // Without a readable zip directory POI falls back to holding every part of the file in memory at once.
      new ZipSecureFile(file).close();
      refuseExternalLinks(file);
      return StreamingReader.builder().rowCacheSize(100).bufferSize(8192).open(file);
    } catch (IOException | InvalidFormatException e) {
      throw unreadable(e);
    } catch (DeliveryRefused e) {
      throw e;
    } catch (RuntimeException e) {
      throw unreadable(e);
    }
  }

  /** Runs a step of reading the workbook, turning what the libraries throw into a refusal. */
  static <T> T guard(Supplier<T> step) {
    try {
      return step.get();
    } catch (DeliveryRefused e) {
      throw e;
    } catch (RuntimeException e) {
      throw unreadable(e);
    }
  }

  static DeliveryRefused refused(String code, String message) {
    return new DeliveryRefused(Problem.ofFile(code, message));
  }

  /** Values from other files are not in this one: what the partner saw in Excel cannot be checked. */
  private static void refuseExternalLinks(File file) throws IOException, InvalidFormatException {
    OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ);
    try {
      if (!pkg.getPartsByContentType(XSSFRelation.EXTERNAL_LINKS.getContentType()).isEmpty()) {
        throw refused(EXTERNAL_LINK, "De werkmap bevat koppelingen naar andere bestanden. Die kan de hub niet"
            + " lezen, dus is niet zeker dat de cijfers kloppen. Verbreek de koppelingen (Gegevens > Koppelingen"
            + " bewerken > Koppeling verbreken), sla de werkmap op en lever hem opnieuw aan.");
      }
    } finally {
      // close() would try to save a package opened for reading.
      pkg.revert();
    }
  }

  /**
   * POI reports a part over the limits only in the message of an IOException, which the XML parser may have copied
   * into its own message.
   */
  private static DeliveryRefused unreadable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(ZIP_BOMB)) {
        return refused(TOO_LARGE, "Uitgepakt is de werkmap groter dan de hub aanneemt, of hij is verdacht sterk"
            + " ingepakt. Verdeel de cijfers over meer bestanden, of lever ze aan als CSV.");
      }
    }
    if (e != null) {
      // The class is enough to tell a broken zip from a parse error; messages may quote the file's content.
      LOG.info("Workbook cannot be read: {}", e.getClass().getName());
    }
    return refused(UNREADABLE, "Het bestand is geen leesbare Excel-werkmap: het is beschadigd, of het is geen"
        + " .xlsx-bestand. Open het in Excel en sla het op als gewone Excel-werkmap: Bestand > Opslaan als >"
        + " Excel-werkmap (*.xlsx).");
  }
}
