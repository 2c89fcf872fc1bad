package nl.wijkhub.delivery;

import static nl.wijkhub.delivery.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Signals sent down the counts path: recognised by a personal column or a number that passes the 11-test. */
class PersonalDataTest {

  @Test
  void nineDigitsThatPassTheElevenTestAreABsnAlsoWithDots() {
    assertThat(PersonalData.holdsBsn("gesprek met 111222333 gevoerd")).isTrue();
    assertThat(PersonalData.holdsBsn("bsn 111.22.23.33")).isTrue();
    assertThat(PersonalData.holdsBsn("111222334")).as("fails the 11-test").isFalse();
    assertThat(PersonalData.holdsBsn("1112223330")).as("ten digits").isFalse();
    assertThat(PersonalData.holdsBsn("1.521 kinderen")).isFalse();
    assertThat(PersonalData.holdsBsn(null)).isFalse();
  }

  @Test
  void countFileWithABsnColumnIsRefusedWithoutNamingAValue() {
    DeliveryRefused refused = catchThrowableOfType(DeliveryRefused.class,
        () -> csv("bsn;naam;indicator;wijk;periode;waarde\n111222333;Jan;a;b;2024;1\n"));

    assertThat(refused).isNotNull();
    assertThat(refused.problem().code()).isEqualTo(PersonalData.CODE);
    assertThat(refused.problem().line()).isEqualTo(1);
    assertThat(refused.problem().message()).doesNotContain("111222333", "Jan").contains("signalen/");
    assertThat(refused.problem().excerpt()).isNull();
  }
}
