package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {

  @TempDir
  Path dir;

  @Test
  void generatesTheRequestedNumberOfValidRowsWithVaryingKeys() throws IOException {
    Path csv = dir.resolve("rows.csv");

    assertThat(Benchmark.generate(csv, 1_201, Long.MAX_VALUE, 0)).isEqualTo(1_201);

    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(1_202);
    assertThat(lines.get(0)).isEqualTo("indicator;wijk;periode;waarde;toelichting");
    assertThat(lines.get(1)).isEqualTo("taalmaatjes-gekoppeld;bilgaard;2000-01;0;via het wijkcentrum");
    assertThat(lines.get(2)).isEqualTo("taalmaatjes-gekoppeld;bilgaard;2000-02;37;");
    // After a hundred years of months the wijk changes, so the key differs from the first row's.
    assertThat(lines.get(1_200)).startsWith("taalmaatjes-gekoppeld;bilgaard;2099-12;");
    assertThat(lines.get(1_201)).startsWith("taalmaatjes-gekoppeld;vrijheidswijk;2000-01;");
    assertThat(lines.subList(1, lines.size()))
        .allMatch(line -> line.matches("[a-z-]+;[a-z-]+;20\\d\\d-(0[1-9]|1[0-2]);\\d+;[a-z ]*"));
  }

  @Test
  void anotherRoundWritesOtherValuesUnderTheSameKeys() throws IOException {
    Benchmark.generate(dir.resolve("a.csv"), 50, Long.MAX_VALUE, 0);
    Benchmark.generate(dir.resolve("b.csv"), 50, Long.MAX_VALUE, 1);

    List<String> first = Files.readAllLines(dir.resolve("a.csv"));
    List<String> second = Files.readAllLines(dir.resolve("b.csv"));
    assertThat(second.get(2)).isEqualTo("taalmaatjes-gekoppeld;bilgaard;2000-02;38;");
    assertThat(second).isNotEqualTo(first).hasSameSizeAs(first);
  }

  @Test
  void theMedianRoundIsTheMiddleRatioNotTheMiddleRun() {
    var fast = round(300_000, 100_000);
    var slow = round(100_000, 200_000);
    var even = round(150_000, 200_000);

    assertThat(Benchmark.median(List.of(fast, slow, even))).isSameAs(even);
    assertThat(BenchmarkSupport.median(new double[] {3, 1, 2})).isEqualTo(2);
  }

  private static Benchmark.Round round(long hubRowsPerSecond, double toolRecordsPerSecond) {
    return new Benchmark.Round(new Benchmark.Ingest(hubRowsPerSecond, 1, Duration.ofSeconds(1), 0),
        new ProducerPerformanceRunner.Result(1, toolRecordsPerSecond, 1, 1, 1));
  }

  @Test
  void stopsOnceTheFileHasReachedTheRequestedSize() throws IOException {
    Path csv = dir.resolve("sized.csv");

    long rows = Benchmark.generate(csv, Long.MAX_VALUE, 10_000, 0);

    assertThat(Files.size(csv)).isBetween(10_000L, 10_100L);
    assertThat(Files.readAllLines(csv)).hasSize((int) rows + 1);
  }
}
