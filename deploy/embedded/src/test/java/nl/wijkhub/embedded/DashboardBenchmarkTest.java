package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DashboardBenchmarkTest {

  @Test
  void optionsDefaultToTwoHundredRequestsAndTakeAProfileLikeTheOtherBenchmarks() {
    assertThat(DashboardBenchmark.Options.parse(new String[] {"--dashboard"}))
        .isEqualTo(new DashboardBenchmark.Options(200, null));
    assertThat(DashboardBenchmark.Options.parse(new String[] {"--dashboard", "--requests", "50", "--jfr", "hub.jfr"}))
        .isEqualTo(new DashboardBenchmark.Options(50, Path.of("hub.jfr").toAbsolutePath()));
  }

  @Test
  void aWrongOptionIsRefusedWithItsReason() {
    assertThatThrownBy(() -> DashboardBenchmark.Options.parse(new String[] {"--requests"}))
        .hasMessage("--requests needs a value");
    assertThatThrownBy(() -> DashboardBenchmark.Options.parse(new String[] {"--requests", "19"}))
        .hasMessageContaining("at least 20");
    assertThatThrownBy(() -> DashboardBenchmark.Options.parse(new String[] {"--rows", "5"}))
        .hasMessage("Unknown option --rows");
    assertThatThrownBy(() -> DashboardBenchmark.Options.parse(new String[] {"--rounds", "2"}))
        .as("one hub only: --rounds would be ignored").hasMessageContaining("--rounds does not apply");
  }
}
