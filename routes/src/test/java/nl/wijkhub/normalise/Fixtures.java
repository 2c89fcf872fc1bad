package nl.wijkhub.normalise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.springframework.core.io.DefaultResourceLoader;

/** Shared test inputs: the real reference data, deliveries and readers that collect rows. */
final class Fixtures {

  /** Millisecond precision, as Avro's timestamp-millis keeps it. */
  static final Instant RECEIVED_AT = Instant.parse("2025-02-14T09:30:15.123Z");

  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static ReferenceData reference;

  private Fixtures() {}

  /** The hub's own config/*.yaml, loaded once; tests run with routes/ as the working directory. */
  static synchronized ReferenceData reference() {
    if (reference == null) {
      reference = new ReferenceDataLoader(new DefaultResourceLoader()).load("file:../config/");
    }
    return reference;
  }

  static Partner partner(String id) {
    return reference().partner(id).orElseThrow(() -> new AssertionError("no partner " + id + " in config"));
  }

  static Delivery delivery(String partnerId) {
    return new Delivery("sub-1", partnerId, "FILE", partnerId + "-2024.csv", Path.of("unused.csv"), "abc123", 10,
        RECEIVED_AT, false, null);
  }

  static List<RawRow> csv(String text) {
    return csv(text.getBytes(StandardCharsets.UTF_8), null);
  }

  static List<RawRow> csv(byte[] bytes) {
    return csv(bytes, null);
  }

  static List<RawRow> csv(byte[] bytes, Charset charset) {
    List<RawRow> rows = new ArrayList<>();
    try {
      new CsvRowReader().read(new ByteArrayInputStream(bytes), charset, rows::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  static List<RawRow> json(String text) {
    return json(text.getBytes(StandardCharsets.UTF_8));
  }

  static List<RawRow> json(byte[] bytes) {
    List<RawRow> rows = new ArrayList<>();
    new JsonRowReader().read(new ByteArrayInputStream(bytes), rows::add);
    return rows;
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  static RawRow row(long line, String indicator, String wijk, String periode, String waarde, String toelichting) {
    return new RawRow(line, indicator, wijk, periode, waarde, false, toelichting, 0);
  }
}
