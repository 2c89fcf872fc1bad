package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRankOverTheSortedValues() {
    // 1..100 in reverse: the p-th percentile of 100 values is the p-th smallest.
    long[] values = LongStream.rangeClosed(1, 100).map(v -> 101 - v).toArray();

    assertThat(Latencies.percentile(values, 50)).isEqualTo(50);
    assertThat(Latencies.percentile(values, 99)).isEqualTo(99);
    assertThat(Latencies.percentile(values, 100)).isEqualTo(100);
    assertThat(Latencies.percentile(values, 0.1)).isEqualTo(1);
  }

  @Test
  void aPercentileIsAlwaysOneOfTheValuesNeverAnInterpolation() {
    long[] values = {40, 10, 30, 20};

    assertThat(Latencies.percentile(values, 50)).isEqualTo(20);
    assertThat(Latencies.percentile(values, 51)).isEqualTo(30);
    assertThat(Latencies.percentile(values, 99)).isEqualTo(40);
    assertThat(Latencies.percentile(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void theP99OfFifteenHundredSignalsIgnoresOnlyTheSlowestFifteen() {
    long[] values = LongStream.range(0, 1_500).map(i -> i < 1_485 ? 10 : 1_000).toArray();

    assertThat(Latencies.percentile(values, 99)).isEqualTo(10);
    values[0] = 1_000;
    assertThat(Latencies.percentile(values, 99)).isEqualTo(1_000);
  }

  @Test
  void refusesNoValuesAndPercentilesOutsideTheRange() {
    assertThatThrownBy(() -> Latencies.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fiftyASecondIsOneSendEveryTwentyMillisecondsFromTheStart() {
    long start = 5_000_000_000L;

    assertThat(Latencies.dueNanos(start, 0, 50)).isEqualTo(start);
    assertThat(Latencies.dueNanos(start, 1, 50)).isEqualTo(start + 20_000_000);
    assertThat(Latencies.dueNanos(start, 50, 50)).isEqualTo(start + 1_000_000_000);
    assertThat(Latencies.dueNanos(start, 1_499, 50)).isEqualTo(start + 29_980_000_000L);
    assertThat(Latencies.sends(30, 50)).isEqualTo(1_500);
  }

  @Test
  void aRateThatDoesNotDivideASecondDoesNotDrift() {
    // 1e9 / 3 is not whole: adding a rounded period 3,000 times would be 1,000 ns off.
    assertThat(Latencies.dueNanos(0, 1, 3)).isEqualTo(333_333_333);
    assertThat(Latencies.dueNanos(0, 3_000, 3)).isEqualTo(1_000_000_000_000L);
  }

  @Test
  void theAchievedRateCountsIntervalsBetweenTheFirstAndLastSend() {
    assertThat(Latencies.achievedPerSecond(0, 29_980_000_000L, 1_500)).isEqualTo(50.0);
    assertThat(Latencies.achievedPerSecond(0, 59_960_000_000L, 1_500)).isEqualTo(25.0);
    assertThat(Latencies.achievedPerSecond(0, 0, 1)).isZero();
  }
}
