package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SenderAuthenticationPolicyTest {

  private static final MailSettings.Server SERVER = new MailSettings.Server("127.0.0.1", 1, "hub", "", false);

  @Test
  void prodRefusesToStartWithSenderAuthenticationOffAndNamesThePropertyAndTheFix() {
    assertThatThrownBy(() -> SenderAuthenticationPolicy.check(settings("", false), prod()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wijkhub.mail.trusted-authserv-id is empty under the prod profile")
        .hasMessageContaining("WIJKHUB_MAIL_TRUSTED_AUTHSERV_ID")
        .hasMessageContaining("wijkhub.mail.allow-unauthenticated-senders=true");
  }

  @Test
  void prodStartsWhenTheOperatorWaivesTheCheckAndHealthSaysSo() {
    MailSettings waived = settings("", true);

    assertThatCode(() -> SenderAuthenticationPolicy.check(waived, prod())).doesNotThrowAnyException();
    assertThat(SenderAuthenticationPolicy.describe(waived))
        .startsWith("OFF").contains("waived with wijkhub.mail.allow-unauthenticated-senders");
  }

  @Test
  void prodStartsWithSenderAuthenticationOn() {
    MailSettings checked = settings("mx.wijkhub.example", false);

    assertThatCode(() -> SenderAuthenticationPolicy.check(checked, prod())).doesNotThrowAnyException();
    assertThat(SenderAuthenticationPolicy.describe(checked)).isEqualTo("DMARC or DKIM pass from mx.wijkhub.example");
  }

  @Test
  void withoutTheProdProfileTheCheckMayBeOff() {
    assertThatCode(() -> SenderAuthenticationPolicy.check(settings("", false), new MockEnvironment()))
        .doesNotThrowAnyException();
  }

  private static MockEnvironment prod() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod");
    return environment;
  }

  private static MailSettings settings(String authservId, boolean waived) {
    return new MailSettings(true, SERVER, SERVER, "INBOX", "Verwerkt", "Quarantaine", Duration.ofSeconds(30),
        "aanleveren@wijkhub.example", "aanleveren+proef@wijkhub.example", authservId, waived);
  }
}
