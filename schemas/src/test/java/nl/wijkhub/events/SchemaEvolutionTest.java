package nl.wijkhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract check: every schema in {@code src/main/avro} must read data written with each released version in
 * {@code history/<Name>/v<n>.avsc} (backward compatibility, transitively), and its latest release must be the
 * current schema, so a change cannot slip through without being released as a new version.
 */
class SchemaEvolutionTest {

  private static final Path CURRENT = Path.of("src/main/avro");
  private static final Path HISTORY = Path.of("history");

  @TestFactory
  Stream<DynamicTest> currentSchemaReadsEveryReleasedVersion() throws IOException {
    return currentSchemas().flatMap(current -> releases(current).stream()
        .map(release -> DynamicTest.dynamicTest(current.getFileName() + " reads " + release,
            () -> assertBackwardCompatible(parse(current), parse(release), release))));
  }

  @TestFactory
  Stream<DynamicTest> latestReleaseIsTheCurrentSchema() throws IOException {
    return currentSchemas().map(current -> DynamicTest.dynamicTest(current.getFileName().toString(), () -> {
      List<Path> releases = releases(current);
      assertThat(releases)
          .as("no released version of %s: copy it to %s/v1.avsc", current, historyOf(current))
          .isNotEmpty();
      Path latest = releases.get(releases.size() - 1);
      assertThat(parse(current))
          .as("%s differs from its latest release %s: after checking compatibility, copy it to %s/v%d.avsc",
              current, latest, historyOf(current), releases.size() + 1)
          .isEqualTo(parse(latest));
    }));
  }

  @Test
  void aFieldAddedWithoutDefaultIsCaught() {
    Schema v1 = new Schema.Parser().parse("""
        {"type":"record","name":"R","fields":[{"name":"a","type":"string"}]}""");
    Schema v2 = new Schema.Parser().parse("""
        {"type":"record","name":"R","fields":[{"name":"a","type":"string"},{"name":"b","type":"long"}]}""");

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v2, v1).getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  /** Events on the indicators topic written before v2 knew no withheld values: they read as exact. */
  @Test
  void anObservationWrittenWithV1ReadsAsNotWithheld() throws IOException {
    Schema v1 = parse(HISTORY.resolve("IndicatorObservation/v1.avsc"));
    GenericRecord old = new GenericData.Record(v1);
    old.put("programme", "leeuwarden-oost");
    old.put("indicator", "taalmaatjes-gekoppeld");
    old.put("wijk", "bilgaard");
    old.put("period", "2024");
    old.put("value", 7.0);
    old.put("partner", "dbieb");
    old.put("submissionId", "s1");
    old.put("line", 2L);
    old.put("revision", 1L);
    old.put("receivedAt", 1L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(v1).write(old, encoder);
    encoder.flush();

    SpecificDatumReader<IndicatorObservation> reader =
        new SpecificDatumReader<>(v1, IndicatorObservation.getClassSchema());
    IndicatorObservation read = reader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

    assertThat(read.getWithheld()).isFalse();
    assertThat(read.getValue()).isEqualTo(7.0);
  }

  /** Events written before v3 knew no withdrawals: every one of them reads as a delivered value. */
  @Test
  void anObservationWrittenWithV2ReadsAsADeliveredValueNotAWithdrawal() throws IOException {
    Schema v2 = parse(HISTORY.resolve("IndicatorObservation/v2.avsc"));
    GenericRecord old = new GenericData.Record(v2);
    old.put("programme", "leeuwarden-oost");
    old.put("indicator", "taalmaatjes-gekoppeld");
    old.put("wijk", "bilgaard");
    old.put("period", "2024");
    old.put("value", 0.0);
    old.put("partner", "dbieb");
    old.put("submissionId", "s2");
    old.put("line", 3L);
    old.put("revision", 2L);
    old.put("receivedAt", 2L);
    old.put("withheld", true);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(v2).write(old, encoder);
    encoder.flush();

    SpecificDatumReader<IndicatorObservation> reader =
        new SpecificDatumReader<>(v2, IndicatorObservation.getClassSchema());
    IndicatorObservation read = reader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

    assertThat(read.getWithdraws()).isNull();
    assertThat(read.getWithheld()).isTrue();
    assertThat(read.getSubmissionId()).isEqualTo("s2");
  }

  @Test
  void everyFieldIsDocumented() throws IOException {
    currentSchemas().map(SchemaEvolutionTest::parse).forEach(SchemaEvolutionTest::assertDocumented);
  }

  private static void assertDocumented(Schema schema) {
    assertThat(schema.getDoc()).as("doc of %s", schema.getFullName()).isNotBlank();
    for (Schema.Field field : schema.getFields()) {
      assertThat(field.doc()).as("doc of %s.%s", schema.getName(), field.name()).isNotBlank();
      Schema type = field.schema();
      if (type.getType() == Schema.Type.ARRAY && type.getElementType().getType() == Schema.Type.RECORD) {
        assertDocumented(type.getElementType());
      }
    }
  }

  private static void assertBackwardCompatible(Schema reader, Schema writer, Path release) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    assertThat(result.getType())
        .as("%s cannot read data written with %s: %s", reader.getName(), release, result.getDescription())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  private static Stream<Path> currentSchemas() throws IOException {
    return Files.list(CURRENT).filter(p -> p.toString().endsWith(".avsc")).sorted();
  }

  private static Path historyOf(Path current) {
    return HISTORY.resolve(current.getFileName().toString().replace(".avsc", ""));
  }

  private static List<Path> releases(Path current) {
    Path dir = historyOf(current);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted(Comparator.comparingInt(SchemaEvolutionTest::versionOf))
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int versionOf(Path release) {
    String name = release.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
  }

  private static Schema parse(Path file) {
    try {
      return new Schema.Parser().parse(file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
