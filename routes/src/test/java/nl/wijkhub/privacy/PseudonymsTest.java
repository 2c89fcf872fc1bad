package nl.wijkhub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymsTest {

  private static final String BSN = "111222333";
  private static final Period WINDOW = Period.ofMonths(6);

  @TempDir
  Path dir;

  @Test
  void oneBsnHasOneStablePseudonymPerCovenantAndUnrelatedOnesAcrossCovenants() {
    PrivacyFixture privacy = new PrivacyFixture(dir);

    List<String> pmg = privacy.pseudonyms.forMatching("pmg-leeuwarden-oost", WINDOW, BSN);

    assertThat(pmg).singleElement().asString().startsWith("v").doesNotContain(BSN);
    assertThat(privacy.pseudonyms.forMatching("pmg-leeuwarden-oost", WINDOW, BSN)).isEqualTo(pmg);
    assertThat(privacy.pseudonyms.forMatching("pmg-leeuwarden-oost", WINDOW, "123456782")).doesNotContainAnyElementsOf(pmg);
    String svn = privacy.pseudonyms.forMatching("svn-casusoverleg", WINDOW, BSN).get(0);
    assertThat(value(svn)).isNotEqualTo(value(pmg.get(0)));
  }

  @Test
  void aRotationInsideTheMatchWindowKeepsTwoSignalsAboutOnePersonMatched() {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    List<String> before = privacy.pseudonyms.forMatching("pmg-leeuwarden-oost", WINDOW, BSN);

    privacy.clock.set(Instant.parse("2026-02-15T10:00:00Z"));
    privacy.pseudonyms.rotate("pmg-leeuwarden-oost");
    privacy.clock.set(Instant.parse("2026-04-01T10:00:00Z"));
    List<String> after = privacy.pseudonyms.forMatching("pmg-leeuwarden-oost", WINDOW, BSN);

    assertThat(after).hasSize(2).containsAll(before);
    assertThat(after.get(0)).as("newest version first").isNotEqualTo(before.get(0));

    privacy.clock.set(Instant.parse("2026-08-16T10:00:00Z"));
    assertThat(privacy.pseudonyms.forMatching("pmg-leeuwarden-oost", WINDOW, BSN))
        .as("a whole window after the rotation only the new version is live").containsExactly(after.get(0));
    assertThat(privacy.pseudonyms.forLookup("pmg-leeuwarden-oost", BSN))
        .as("the old version is still kept for the privacy officer").containsExactlyInAnyOrderElementsOf(after);
  }

  @Test
  void aVersionIsDestroyedOnlyOnceTheLogHoldsNothingMadeWithIt() {
    PrivacyFixture privacy = new PrivacyFixture(dir);
    String old = privacy.pseudonyms.forMatching("pmg-leeuwarden-oost", WINDOW, BSN).get(0);
    privacy.clock.set(Instant.parse("2026-02-15T10:00:00Z"));
    privacy.pseudonyms.rotate("pmg-leeuwarden-oost");

    assertThat(privacy.pseudonyms.deleteVersionsUnusedSince("pmg-leeuwarden-oost",
        Instant.parse("2026-02-01T00:00:00Z"))).as("the log still holds a record from before the rotation").isEmpty();
    assertThat(privacy.pseudonyms.deleteVersionsUnusedSince("pmg-leeuwarden-oost",
        Instant.parse("2026-03-01T00:00:00Z"))).hasSize(1);

    assertThat(privacy.pseudonyms.forLookup("pmg-leeuwarden-oost", BSN)).hasSize(1).doesNotContain(old);
    assertThat(privacy.pseudonyms.deleteVersionsUnusedSince("pmg-leeuwarden-oost", Instant.parse("2030-01-01T00:00:00Z")))
        .as("the newest version is never destroyed").isEmpty();
  }

  private static String value(String pseudonym) {
    return pseudonym.substring(pseudonym.indexOf(':') + 1);
  }
}
