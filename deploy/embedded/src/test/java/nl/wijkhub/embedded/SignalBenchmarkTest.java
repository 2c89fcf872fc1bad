package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignalBenchmarkTest {

  @Test
  void everyGeneratedBsnHasNineDigitsPassesTheElevenTestAndIsNew() {
    Set<String> seen = new HashSet<>();
    for (long n = 0; n < 20_000; n++) {
      String bsn = SignalBenchmark.bsn(n);
      assertThat(bsn).matches("\\d{9}");
      int sum = -(bsn.charAt(8) - '0');
      for (int i = 0; i < 8; i++) {
        sum += (9 - i) * (bsn.charAt(i) - '0');
      }
      assertThat(sum % 11).as("11-test of %s", bsn).isZero();
      assertThat(sum).as("11-test sum of %s, which the hub refuses when 0", bsn).isNotZero();
      assertThat(seen.add(bsn)).as("%s for the second time", bsn).isTrue();
    }
  }

  @Test
  void aSignalCarriesTheGivenDateAndTheBsnOfItsPerson() {
    String json = SignalBenchmark.signalJson(7, LocalDate.of(2026, 11, 30), "Wijkagent Benchmark");

    assertThat(json).startsWith("[{").endsWith("}]")
        .contains("\"datum\":\"2026-11-30\"", "\"bsn\":\"" + SignalBenchmark.bsn(7) + "\"",
            "\"soort\":\"jongere-in-beeld\"", "\"wijk\":\"bilgaard\"",
            "\"professional\":\"Wijkagent Benchmark\"");
  }

  @Test
  void optionsDefaultToThirtySecondsInThreeRounds() {
    assertThat(SignalBenchmark.Options.parse(new String[] {"--signals"}))
        .isEqualTo(new SignalBenchmark.Options(30, 3, null));
    assertThat(SignalBenchmark.Options.parse(new String[] {"--signals", "--seconds", "10", "--rounds", "1",
        "--jfr", "hub.jfr"}))
        .isEqualTo(new SignalBenchmark.Options(10, 1, Path.of("hub.jfr").toAbsolutePath()));
    assertThatThrownBy(() -> SignalBenchmark.Options.parse(new String[] {"--rounds"}))
        .hasMessage("--rounds needs a value");
    assertThatThrownBy(() -> SignalBenchmark.Options.parse(new String[] {"--rounds", "0"}))
        .hasMessage("--rounds must be at least 1");
    assertThatThrownBy(() -> SignalBenchmark.Options.parse(new String[] {"--rows", "5"}))
        .hasMessage("Unknown option --rows");
    assertThatThrownBy(() -> SignalBenchmark.Options.parse(new String[] {"--seconds", "0"}))
        .hasMessageContaining("at least 1");
  }
}
