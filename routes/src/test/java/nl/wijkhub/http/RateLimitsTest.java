package nl.wijkhub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

  @Test
  void aPartnerGetsItsQuotaThenAWaitOfAtMostAMinuteWhileOthersKeepTheirs() {
    RateLimits limits = new RateLimits(3);

    IntStream.range(0, 3).forEach(i -> assertThat(limits.take("dbieb")).isEmpty());

    assertThat(limits.take("dbieb").orElseThrow()).isBetween(1L, 60L);
    assertThat(limits.take("elkien")).isEmpty();
  }
}
