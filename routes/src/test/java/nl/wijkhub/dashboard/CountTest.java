package nl.wijkhub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountTest {

  @Test
  void exactValuesAddUpExactly() {
    Count sum = Count.of(3).plus(Count.of(4));
    assertThat(sum).isEqualTo(Count.of(7));
    assertThat(sum.exact()).isTrue();
  }

  @Test
  void totalWithWithheldPartsIsARangeThatKeepsTheKnownPart() {
    Count sum = Count.of(10).plus(Count.withheld()).plus(Count.of(2)).plus(Count.withheld());
    assertThat(sum.exact()).isFalse();
    assertThat(sum.known()).isEqualTo(12);
    assertThat(sum.withheldParts()).isEqualTo(2);
    assertThat(sum.min()).isEqualTo(14);
    assertThat(sum.max()).isEqualTo(20);
    assertThat(Count.withheld().plus(Count.of(5))).isEqualTo(Count.of(5).plus(Count.withheld()));
  }

  @Test
  void negativeCountsDoNotExist() {
    assertThatThrownBy(() -> Count.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
