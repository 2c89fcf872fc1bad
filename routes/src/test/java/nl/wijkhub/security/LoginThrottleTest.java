package nl.wijkhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LoginThrottleTest {

  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final LoginAttempts attempts = new LoginAttempts(3, metrics);
  private final LoginThrottle throttle = new LoginThrottle(attempts);

  @Test
  void anAddressThatUsedUpItsFailedAttemptsGets429ForCredentialsButOthersAndPlainRequestsPass() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(filter(withKey("10.0.0.1")).getStatus()).isEqualTo(200);
      attempts.failed("10.0.0.1", "bearer");
    }

    MockHttpServletResponse refused = filter(withKey("10.0.0.1"));
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    assertThat(refused.getContentAsString()).contains("TE_VEEL_MISLUKTE_INLOGPOGINGEN");
    assertThat(filter(withKey("10.0.0.2")).getStatus()).as("another address").isEqualTo(200);
    MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/actuator/health");
    plain.setRemoteAddr("10.0.0.1");
    assertThat(filter(plain).getStatus()).as("no credentials, nothing to guess").isEqualTo(200);
    MockHttpServletRequest form = new MockHttpServletRequest("POST", "/login");
    form.setRemoteAddr("10.0.0.1");
    assertThat(filter(form).getStatus()).as("the login form").isEqualTo(429);

    assertThat(metrics.counter("wijkhub.security.login.failures", "method", "bearer").count()).isEqualTo(3.0);
    assertThat(metrics.counter("wijkhub.security.login.throttled").count()).isEqualTo(2.0);
  }

  private MockHttpServletResponse filter(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(request, response, new MockFilterChain());
    return response;
  }

  private static MockHttpServletRequest withKey(String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/submissions");
    request.addHeader("Authorization", "Bearer geraden-sleutel");
    request.setRemoteAddr(address);
    return request;
  }
}
