package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenderAuthenticationTest {

  private static final String FROM = "tellingen@dbieb.example";
  private final SenderAuthentication check = new SenderAuthentication("mx.wijkhub.example");

  @Test
  void dmarcPassFromTheTrustedServerAuthenticates() {
    assertThat(check.authenticated(new String[] {"mx.wijkhub.example 1; spf=fail smtp.mailfrom=dbieb.example;"
        + " dmarc=pass (p=reject dis=none) header.from=dbieb.example"}, FROM)).isTrue();
  }

  @Test
  void dkimPassForTheFromDomainOrAParentDomainAuthenticates() {
    assertThat(check.authenticated(new String[] {"MX.wijkhub.example;\r\n dkim=pass (2048-bit key)"
        + " header.d=DBieb.example header.s=sel1"}, FROM)).isTrue();
    assertThat(check.authenticated(new String[] {"mx.wijkhub.example; dkim/1 = pass header.d = dbieb.example"},
        "tellingen@post.dbieb.example")).isTrue();
  }

  @Test
  void dkimPassForAnotherDomainDoesNot() {
    assertThat(check.authenticated(new String[] {"mx.wijkhub.example; dkim=pass header.d=verzender.example;"
        + " dmarc=fail header.from=dbieb.example"}, FROM)).isFalse();
    assertThat(check.authenticated(new String[] {"mx.wijkhub.example; dkim=pass header.d=bieb.example"}, FROM))
        .isFalse();
    assertThat(check.authenticated(new String[] {"mx.wijkhub.example; dkim=fail header.d=dbieb.example"}, FROM))
        .isFalse();
  }

  @Test
  void aPassOfAnotherAuthservIdIsIgnoredBecauseTheSenderCanWriteIt() {
    assertThat(check.authenticated(new String[] {
        "mx.wijkhub.example; dmarc=fail header.from=dbieb.example",
        "mx.wijkhub.example.evil.example; dmarc=pass; dkim=pass header.d=dbieb.example",
        "elders.example; dmarc=pass (mx.wijkhub.example; dmarc=pass)"}, FROM)).isFalse();
  }

  @Test
  void aMessageWithoutAuthenticationResultsIsNotAuthenticated() {
    assertThat(check.authenticated(null, FROM)).isFalse();
    assertThat(check.authenticated(new String[] {"mx.wijkhub.example; none"}, FROM)).isFalse();
  }

  @Test
  void withoutATrustedAuthservIdEveryMessageCounts() {
    assertThat(new SenderAuthentication("").authenticated(null, FROM)).isTrue();
    assertThat(new SenderAuthentication(null).authenticated(new String[] {"x; dmarc=fail"}, FROM)).isTrue();
  }
}
