package nl.wijkhub.delivery;

import java.util.Optional;

/**
 * What every channel checks before a delivery is read: not empty, within the size one transaction can carry, a
 * format the hub reads, and for a text format, bytes that are text (see {@link BinaryContent}). {@link DeliveryPipeline} applies it to every delivery; channels ask it first when a refused
 * delivery is handled differently there (the drop folder quarantines it).
 */
public final class Admission {

  /**
   * File names that are never deliveries, for channels that poll a folder: hidden files, partial uploads and Office
   * lock files (a regular expression on the name, as Camel's {@code exclude} option takes it).
   */
  public static final String NOT_YET_DELIVERIES = "(^\\..*)|(^~\\$.*)|(.*\\.(tmp|part|partial|crdownload|filepart)$)";

  private final DeliverySettings settings;

  public Admission(DeliverySettings settings) {
    this.settings = settings;
  }

  /** The reason the delivery cannot be read at all, or empty when it may be ingested. */
  public Optional<Problem> refusal(Delivery delivery) {
    long max = settings.maxDeliverySize().toBytes();
    if (delivery.sizeBytes() == 0) {
      return Optional.of(Problem.ofFile("BESTAND_LEEG", "Het bestand is leeg (0 bytes). Sla het opnieuw op en"
          + " lever het nog eens aan."));
    }
    if (delivery.sizeBytes() > max) {
      return Optional.of(tooLarge(delivery.sizeBytes()));
    }
    if (delivery.format().isEmpty()) {
      return Optional.of(Problem.ofFile("FORMAAT_ONBEKEND", "Het bestand '" + delivery.sourceName() + "' is geen"
          + " CSV, JSON of Excel (.xlsx). Sla het op als CSV (puntkomma-gescheiden) of .xlsx, of lever JSON aan."));
    }
    // A workbook is a zip by nature; XlsxPackage judges its bytes.
    return delivery.format().get() == Delivery.DeliveryFormat.XLSX ? Optional.empty()
        : BinaryContent.refusal(delivery.content());
  }

  /**
   * The refusal of a delivery over the limit, for channels that refuse it before it is spooled too.
   *
   * @param sizeBytes the delivery's size, or a negative number when it is not known (a stream cut off at the limit)
   */
  public Problem tooLarge(long sizeBytes) {
    long max = settings.maxDeliverySize().toBytes();
    String size = sizeBytes < 0 ? "groter dan " + mb(max) + " MB" : mb(sizeBytes) + " MB";
    return Problem.ofFile("BESTAND_TE_GROOT", "Het bestand is " + size + "; het maximum is " + mb(max) + " MB."
        + " Splits het in kleinere bestanden, bijvoorbeeld per jaar of per wijk.");
  }

  /** True when the delivery is too large to take at all; channels then skip reading it (no hash, no spool). */
  public boolean isTooLarge(long sizeBytes) {
    return sizeBytes > settings.maxDeliverySize().toBytes();
  }

  private static long mb(long bytes) {
    long mb = 1024 * 1024;
    return (bytes + mb - 1) / mb;
  }
}
