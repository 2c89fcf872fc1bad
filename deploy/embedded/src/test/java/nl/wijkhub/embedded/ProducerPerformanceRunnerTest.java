package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import nl.wijkhub.embedded.ProducerPerformanceRunner.Result;
import org.junit.jupiter.api.Test;

class ProducerPerformanceRunnerTest {

  @Test
  void readsTheClosingSummaryAndIgnoresProgressAndSteadyStateLines() {
    String output = """
        97921 records sent, 19584.2 records/sec (1.87 MB/sec), 820.4 ms avg latency, 1342.0 ms max latency.
        200000 records sent, 39872.408293 records/sec (3.80 MB/sec), 455.12 ms avg latency, 1342.00 ms max latency, \
        390 ms 50th, 1120 ms 95th, 1290 ms 99th, 1335 ms 99.9th.
        150000 steady state records sent, 42000.000000 records/sec (4.01 MB/sec), 300.00 ms avg latency, \
        900.00 ms max latency, 280 ms 50th, 800 ms 95th, 880 ms 99th, 899 ms 99.9th.
        """;

    assertThat(ProducerPerformanceRunner.parseSummary(output))
        .contains(new Result(200_000, 39872.408293, 3.80, 455.12, 1342.00));
  }

  @Test
  void isEmptyWhenTheToolStoppedBeforeItsSummary() {
    assertThat(ProducerPerformanceRunner.parseSummary(
        "97921 records sent, 19584.2 records/sec (1.87 MB/sec), 820.4 ms avg latency, 1342.0 ms max latency.\n"))
        .isEmpty();
  }
}
