package nl.wijkhub.signalcounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import nl.wijkhub.covenant.CovenantLoader;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Of the copies of a signal on a covenant topic, the one for the covenant version's recipient counts. */
class CountingCopyTest {

  private static final CountingCopy COPIES = CountingCopy.of(new CovenantLoader(
      new PathMatchingResourcePatternResolver()).load("file:../config/",
      new ReferenceDataLoader(new PathMatchingResourcePatternResolver()).load("file:../config/")));

  @Test
  void theRecipientOfTheCovenantVersionCountsAndNoOtherCopy() {
    assertThat(COPIES.counts(copy("pmg-leeuwarden-oost", 1, "pmg-multiteam"))).isTrue();
    assertThat(COPIES.counts(copy("pmg-leeuwarden-oost", 2, "pmg-multiteam"))).isTrue();
    assertThat(COPIES.counts(copy("svn-casusoverleg", 1, "svn-multiteam"))).isTrue();
    assertThat(COPIES.counts(copy("pmg-leeuwarden-oost", 2, "svn-multiteam"))).isFalse();
  }

  @Test
  void aVersionTheCovenantsDoNotHoldStopsTheCountWithTheFix() {
    assertThatThrownBy(() -> COPIES.counts(copy("pmg-leeuwarden-oost", 9, "pmg-multiteam")))
        .hasMessageContaining("version 9").hasMessageContaining("must never be removed");
  }

  private static RoutedSignal copy(String covenant, int version, String recipient) {
    return RoutedSignal.newBuilder().setSignalId("s").setKind(RoutedSignalKind.NIEUW).setCovenantId(covenant)
        .setCovenantVersion(version).setRecipient(recipient).setSupplier("x").setSignalType("JONGERE_IN_BEELD")
        .setPseudonyms(List.of("v1:p")).setKeyPeriod("2026-01").setRoutedAt(Instant.EPOCH).build();
  }
}
