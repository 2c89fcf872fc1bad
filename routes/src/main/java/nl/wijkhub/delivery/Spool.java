package nl.wijkhub.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.util.FileSystemUtils;

/**
 * Turns bytes a channel receives (an upload, an attachment, a remote file) into a {@link Delivery}: written to a
 * spool file while its SHA-256 and size are taken, so the delivery can be streamed and read again.
 */
public final class Spool {

  private static final int BUFFER = 64 * 1024;

  private Spool() {}

  /** Copies the stream into a new file under {@code spoolDir} and describes it as a delivery. */
  public static Delivery spool(InputStream in, Path spoolDir, String partnerId, String channel, String sourceName,
      Instant receivedAt) {
    return spool(in, spoolDir, partnerId, channel, sourceName, receivedAt, Long.MAX_VALUE);
  }

  /**
   * As {@link #spool(InputStream, Path, String, String, String, Instant)}, but stops reading once the stream passes
   * {@code maxBytes}: a sender's stream of unknown length cannot fill the disk.
   *
   * @throws DeliveryTooLarge when the stream is longer than {@code maxBytes}; nothing is left in the spool
   */
  public static Delivery spool(InputStream in, Path spoolDir, String partnerId, String channel, String sourceName,
      Instant receivedAt, long maxBytes) {
    Path file = null;
    try {
      Files.createDirectories(spoolDir);
      file = Files.createTempFile(spoolDir, "delivery-", ".spool");
      MessageDigest digest = sha256();
      long size = 0;
      try (OutputStream out = Files.newOutputStream(file)) {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) > 0; size += n) {
          if (size + n > maxBytes) {
            throw new DeliveryTooLarge(maxBytes);
          }
          digest.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      return Delivery.of(partnerId, channel, sourceName, file, HexFormat.of().formatHex(digest.digest()), size,
          receivedAt);
    } catch (IOException | RuntimeException e) {
      // A sender that went away half-way, or a delivery over the limit, leaves nothing behind.
      deleteQuietly(file, e);
      throw e instanceof IOException io ? new UncheckedIOException("Cannot spool a delivery of " + partnerId, io)
          : (RuntimeException) e;
    }
  }

  private static void deleteQuietly(Path file, Exception cause) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /**
   * Removes a spooled file or folder when the exchange is done, delivered or failed, so that the spool never keeps
   * a delivery (it may hold personal data by mistake) longer than its processing.
   */
  public static void deleteWhenDone(Exchange exchange, Path spooled) {
    exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
      @Override
      public void onDone(Exchange done) {
        try {
          FileSystemUtils.deleteRecursively(spooled);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot remove " + spooled + " from the spool", e);
        }
      }
    });
  }

  /** SHA-256 of a file, lower-case hex. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = sha256();
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256 of bytes in memory, lower-case hex. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
