package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import nl.wijkhub.embedded.EndToEndLatencyRunner.Result;
import org.junit.jupiter.api.Test;

class EndToEndLatencyRunnerTest {

  @Test
  void readsTheAverageAndThePercentiles() {
    String output = """
        0\t12.345
        1000\t2.101
        Avg latency: 2.4811 ms
        Percentiles: 50th = 2, 99th = 7, 99.9th = 15
        """;

    assertThat(EndToEndLatencyRunner.parse(output)).contains(new Result(2.4811, 2, 7, 15));
  }

  @Test
  void isEmptyWhenTheToolStoppedBeforeItsSummary() {
    assertThat(EndToEndLatencyRunner.parse("0\t12.345\nAvg latency: 2.4811 ms\n")).isEmpty();
  }
}
