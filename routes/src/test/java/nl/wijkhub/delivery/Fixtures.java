package nl.wijkhub.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.counts.CountColumns;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.springframework.core.io.DefaultResourceLoader;

/** Shared test inputs: the real reference data, deliveries and readers that collect rows. */
public final class Fixtures {

  /** Millisecond precision, as Avro's timestamp-millis keeps it. */
  public static final Instant RECEIVED_AT = Instant.parse("2025-02-14T09:30:15.123Z");

  public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static ReferenceData reference;

  private Fixtures() {}

  /** The hub's own config/*.yaml, loaded once; tests run with routes/ as the working directory. */
  public static synchronized ReferenceData reference() {
    if (reference == null) {
      reference = new ReferenceDataLoader(new DefaultResourceLoader()).load("file:../config/");
    }
    return reference;
  }

  public static Partner partner(String id) {
    return reference().partner(id).orElseThrow(() -> new AssertionError("no partner " + id + " in config"));
  }

  public static Delivery delivery(String partnerId) {
    return new Delivery("sub-1", partnerId, "FILE", partnerId + "-2024.csv", Path.of("unused.csv"), "abc123", 10,
        RECEIVED_AT, false, null, Delivery.Kind.COUNTS);
  }

  public static List<CountRow> csv(String text) {
    return csv(text.getBytes(StandardCharsets.UTF_8), null);
  }

  public static List<CountRow> csv(byte[] bytes) {
    return csv(bytes, null);
  }

  public static List<CountRow> csv(byte[] bytes, Charset charset) {
    List<CountRow> rows = new ArrayList<>();
    try {
      new CsvRowReader(CountColumns.LAYOUT).read(new ByteArrayInputStream(bytes), charset,
          r -> rows.add(CountRow.of(r)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  public static List<CountRow> json(String text) {
    return json(text.getBytes(StandardCharsets.UTF_8));
  }

  public static List<CountRow> json(byte[] bytes) {
    List<CountRow> rows = new ArrayList<>();
    new JsonRowReader(CountColumns.LAYOUT).read(new ByteArrayInputStream(bytes), r -> rows.add(CountRow.of(r)));
    return rows;
  }

  public static byte[] concat(byte[]... parts) {
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

  public static CountRow row(long line, String indicator, String wijk, String periode, String waarde, String toelichting) {
    return new CountRow(line, indicator, wijk, periode, waarde, false, toelichting, 0);
  }
}
