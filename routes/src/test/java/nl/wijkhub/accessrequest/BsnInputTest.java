package nl.wijkhub.accessrequest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BsnInputTest {

  @Test
  void aBsnThatPassesTheElevenTestIsReadWithSpacesAndDotsIgnored() {
    assertThat(BsnInput.parse("123456782")).hasValue("123456782");
    assertThat(BsnInput.parse(" 1234.56.782 ")).hasValue("123456782");
    assertThat(BsnInput.parse("1234 56 782")).hasValue("123456782");
  }

  @Test
  void anythingElseIsNoBsn() {
    assertThat(BsnInput.parse("123456783")).as("fails the eleven-test").isEmpty();
    assertThat(BsnInput.parse("12345678")).as("eight digits").isEmpty();
    assertThat(BsnInput.parse("1234567820")).as("ten digits").isEmpty();
    assertThat(BsnInput.parse("000000000")).as("sum zero").isEmpty();
    assertThat(BsnInput.parse("12345678a")).isEmpty();
    assertThat(BsnInput.parse(null)).isEmpty();
  }
}
