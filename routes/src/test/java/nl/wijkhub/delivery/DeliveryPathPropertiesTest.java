package nl.wijkhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whatever bytes a partner sends under whatever name, the delivery path ends in exactly one terminal outcome: a
 * receipt (rows accepted and/or rejected, or the delivery refused as a whole), within bounded time, and nothing else
 * escapes to be retried. Inputs are the golden deliveries and templates, mutated byte by byte and inside a workbook's
 * parts, and random text built from what CSV and JSON are made of.
 *
 * <p>Each factory generates {@code -Dwijkhub.delivery.cases} cases (300 by default; e.g. 20000 for a long run). Case
 * {@code i} draws everything from a {@link Random} seeded with {@code seed + i}, where {@code seed} is fresh per run
 * unless {@code -Dwijkhub.delivery.seed} sets it; the display name shows each case's seed, so
 * {@code -Dwijkhub.delivery.seed=<that seed> -Dwijkhub.delivery.cases=1} replays a failing case alone. This is plain
 * JUnit rather than jqwik because jqwik's maintainer asks that AI agents not use that library.
 */
class DeliveryPathPropertiesTest {

  /**
   * Far above what any input here needs (at most a few hundred KB, a fraction of a second on a quiet machine), with
   * room for a build machine shared by others; far below a retry loop.
   */
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final List<String> NAMES = List.of("tellingen.csv", "tellingen.txt", "tellingen.json",
      "tellingen.xlsx");
  private static final String ALPHABET = "indicatorwijkperiodewaardetoelichting;,\t\"\n\r{}[]:0123456789 -.é\u0000"
      + "\u0007\uFEFF";

  private static final int CASES = Integer.getInteger("wijkhub.delivery.cases", 300);
  private static final long SEED = Long.getLong("wijkhub.delivery.seed", new Random().nextLong());

  private static Path folder;
  private static List<Golden> goldens;

  private record Golden(String name, byte[] bytes) {}

  @BeforeAll
  static void goldenFiles() throws IOException {
    folder = Files.createTempDirectory("delivery-properties-");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(Path.of("src/test/resources/deliveries"))) {
      listed.filter(f -> Delivery.DeliveryFormat.ofFileName(f.toString()).isPresent()).forEach(files::add);
    }
    files.add(Path.of("../docs/sjabloon-aanlevering.csv"));
    files.add(Path.of("../docs/sjabloon-aanlevering.xlsx"));
    goldens = new ArrayList<>();
    for (Path file : files) {
      goldens.add(new Golden(file.getFileName().toString(), Files.readAllBytes(file)));
    }
    // Loading POI, the XML parsers and Jackson takes seconds the first time; the bound is for reading, not for that.
    TrialPipeline warm = new TrialPipeline(folder);
    goldens.forEach(golden -> warm.ingest(golden.name(), golden.bytes()));
  }

  @AfterAll
  static void removeFolder() throws IOException {
    try (Stream<Path> left = Files.list(folder)) {
      assertThat(left).as("every spooled input removed").isEmpty();
    }
    Files.delete(folder);
  }

  @TestFactory
  Stream<DynamicTest> mutatedGoldenDeliveryEndsInOneReceipt() {
    return cases(DeliveryPathPropertiesTest::mutatedGolden, DeliveryPathPropertiesTest::assertEndsInOneReceipt);
  }

  @TestFactory
  Stream<DynamicTest> randomCsvOrJsonTextEndsInOneReceipt() {
    return cases(DeliveryPathPropertiesTest::randomText, DeliveryPathPropertiesTest::assertEndsInOneReceipt);
  }

  @TestFactory
  Stream<DynamicTest> everyReaderEndsNormallyOrRefuses() {
    return cases(DeliveryPathPropertiesTest::mutatedGolden, DeliveryPathPropertiesTest::assertReaderEndsOrRefuses);
  }

  /** What a case checks; may throw whatever the code under test lets escape, which fails the case. */
  private interface Check {
    void accept(Input input) throws Exception;
  }

  /** Generates the cases lazily, so that only the input under test is held in memory. */
  private static Stream<DynamicTest> cases(Function<Random, Input> generator, Check check) {
    return IntStream.range(0, CASES).mapToObj(i -> {
      long seed = SEED + i;
      Input input = generator.apply(new Random(seed));
      return DynamicTest.dynamicTest("seed " + seed + ": " + input, () -> check.accept(input));
    });
  }

  private static void assertReaderEndsOrRefuses(Input input) throws IOException {
    Path file = Files.write(folder.resolve("reader-" + input.name()), input.bytes());
    try {
      Delivery delivery = Delivery.of("dbieb", "FILE", input.name(), file, "", input.bytes().length,
          Fixtures.RECEIVED_AT);
      Delivery.DeliveryFormat format = delivery.format().orElseThrow();
      long[] rows = {0};
      RowSink sink = row -> rows[0]++;
      try {
        try {
          DeliveryPipeline.read(delivery, nl.wijkhub.counts.CountColumns.LAYOUT, format, null, sink);
        } catch (DeliveryPipeline.EncodingChanged e) {
          rows[0] = 0;
          DeliveryPipeline.read(delivery, nl.wijkhub.counts.CountColumns.LAYOUT, format, CharsetSniffer.WINDOWS_1252,
              sink);
        }
      } catch (DeliveryRefused refused) {
        assertThat(refused.problem().code()).isNotBlank();
        assertThat(refused.problem().message()).isNotBlank();
      }
    } finally {
      Files.delete(file);
    }
  }

  private static void assertEndsInOneReceipt(Input input) {
    long started = System.nanoTime();
    SubmissionReceipt receipt = new TrialPipeline(folder).ingest(input.name(), input.bytes());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).as("time for %d bytes", input.bytes().length).isLessThan(BOUND);
    assertThat(receipt.getStatus()).isIn(ReceiptStatus.ACCEPTED, ReceiptStatus.PARTIALLY_ACCEPTED,
        ReceiptStatus.REJECTED);
    assertThat(receipt.getAccepted() + receipt.getRejected() + receipt.getErrors().size())
        .as("a receipt that says what happened").isPositive();
    receipt.getErrors().forEach(e -> {
      assertThat(e.getCode()).matches("[A-Z0-9_]+");
      assertThat(e.getMessage()).isNotBlank();
    });
  }

  /** A delivery as it arrives: a file name (which decides the format) and its bytes. */
  record Input(String name, byte[] bytes) {
    @Override
    public String toString() {
      return name + " (" + bytes.length + " bytes)";
    }
  }

  /** A golden delivery or template, mutated (0 to 8 times), and in three of ten cases under another name. */
  private static Input mutatedGolden(Random random) {
    Golden golden = goldens.get(random.nextInt(goldens.size()));
    int mutations = random.nextInt(9);
    String name = random.nextInt(10) < 3 ? NAMES.get(random.nextInt(NAMES.size())) : golden.name();
    byte[] bytes = golden.name().endsWith(".xlsx") && random.nextBoolean()
        ? mutateInsideWorkbook(golden.bytes(), random, mutations)
        : mutate(golden.bytes(), random, mutations);
    return new Input(name, bytes);
  }

  /** Up to 400 characters of what CSV and JSON are made of, after a plausible start, in one of four encodings. */
  private static Input randomText(Random random) {
    String name = NAMES.get(random.nextInt(3));
    String start = pick(random, "indicator;wijk;periode;waarde;toelichting\n", "indicator,wijk,periode,waarde\n",
        "indicator\twijk\tperiode\twaarde\n", "[{\"indicator\":", "");
    StringBuilder body = new StringBuilder();
    for (int length = random.nextInt(401); body.length() < length; ) {
      body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String charset = pick(random, "UTF-8", "windows-1252", "UTF-16LE", "UTF-16BE");
    return new Input(name, ((charset.startsWith("UTF-16") ? "\uFEFF" : "") + start + body)
        .getBytes(java.nio.charset.Charset.forName(charset)));
  }

  private static String pick(Random random, String... choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** Byte-level mutations, as a broken export, a bad transfer or a hostile sender makes them. */
  private static byte[] mutate(byte[] original, Random random, int mutations) {
    byte[] bytes = original;
    for (int m = 0; m < mutations; m++) {
      int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      bytes = switch (random.nextInt(7)) {
        case 0 -> flip(bytes, at, random);
        case 1 -> insert(bytes, at, new byte[] {(byte) random.nextInt(256)});
        case 2 -> insert(bytes, at, new byte[] {pick(random, '"', ';', ',', '\t', '\n', '\r', 0, 7, '[', '{')});
        case 3 -> java.util.Arrays.copyOf(bytes, at);
        case 4 -> delete(bytes, at, random.nextInt(64));
        case 5 -> insert(bytes, at, slice(bytes, at, random.nextInt(512)));
        default -> insert(bytes, at, ((char) pick(random, 'x', ';', '"', '\n')
            + "").repeat(random.nextInt(70_000)).getBytes(StandardCharsets.US_ASCII));
      };
    }
    return bytes;
  }

  /** Mutates one part of the workbook and zips it again, so that POI and the streaming reader meet broken XML. */
  private static byte[] mutateInsideWorkbook(byte[] workbook, Random random, int mutations) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook))) {
      List<ZipEntry> entries = new ArrayList<>();
      List<byte[]> contents = new ArrayList<>();
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.add(new ZipEntry(entry.getName()));
        contents.add(in.readAllBytes());
      }
      int victim = random.nextInt(entries.size());
      contents.set(victim, mutate(contents.get(victim), random, Math.max(1, mutations)));
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (ZipOutputStream out = new ZipOutputStream(zipped)) {
        for (int i = 0; i < entries.size(); i++) {
          out.putNextEntry(entries.get(i));
          out.write(contents.get(i));
          out.closeEntry();
        }
      }
      return zipped.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte pick(Random random, int... choices) {
    return (byte) choices[random.nextInt(choices.length)];
  }

  private static byte[] flip(byte[] bytes, int at, Random random) {
    if (bytes.length == 0) {
      return bytes;
    }
    byte[] copy = bytes.clone();
    copy[at] ^= (byte) (1 << random.nextInt(8));
    return copy;
  }

  private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
    byte[] result = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
    return result;
  }

  private static byte[] delete(byte[] bytes, int at, int length) {
    int end = Math.min(bytes.length, at + length);
    byte[] result = new byte[bytes.length - (end - at)];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(bytes, end, result, at, bytes.length - end);
    return result;
  }

  private static byte[] slice(byte[] bytes, int at, int length) {
    return java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + length));
  }
}
