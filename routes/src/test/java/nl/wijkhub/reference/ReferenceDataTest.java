package nl.wijkhub.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.wijkhub.reference.ReferenceData.WijkMatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The look-ups ingestion makes on every row, against the hub's real reference data. */
class ReferenceDataTest {

  private static ReferenceData data;

  @BeforeAll
  static void loadRealConfig() {
    data = new ReferenceDataLoader(new DefaultResourceLoader()).load("file:../config/");
  }

  @Test
  void comparisonKeyDropsCaseAccentsSpacesAndPunctuation() {
    assertThat(ReferenceData.key("Heechterp-Schieringen")).isEqualTo("heechterpschieringen");
    assertThat(ReferenceData.key(" heechterp  schieringen ")).isEqualTo("heechterpschieringen");
    assertThat(ReferenceData.key("De Heuvel/Amstelwijk")).isEqualTo("deheuvelamstelwijk");
    assertThat(ReferenceData.key("Fryslân, Café 'ë'")).isEqualTo("fryslancafee");
  }

  @Test
  void wijkOfTheOwnProgrammeIsFoundByCodeNameOrAlias() {
    assertThat(data.wijk("leeuwarden-oost", "oud-oost")).isEqualTo(new WijkMatch.Found("oud-oost"));
    assertThat(data.wijk("leeuwarden-oost", "Oud Oost")).isEqualTo(new WijkMatch.Found("oud-oost"));
    assertThat(data.wijk("leeuwarden-oost", "VLIETZONE")).isEqualTo(new WijkMatch.Found("oud-oost"));
    assertThat(data.wijk("sterk-voor-noord", "amstelwijk")).isEqualTo(new WijkMatch.Found("de-heuvel-amstelwijk"));
  }

  @Test
  void wijkOfTheOtherProgrammeIsReportedWithThatProgramme() {
    assertThat(data.wijk("sterk-voor-noord", "Bilgaard"))
        .isEqualTo(new WijkMatch.OtherProgramme("bilgaard", "leeuwarden-oost"));
    assertThat(data.wijk("leeuwarden-oost", "De Heuvel"))
        .isEqualTo(new WijkMatch.OtherProgramme("de-heuvel-amstelwijk", "sterk-voor-noord"));
  }

  @Test
  void unknownSpellingIsUnknown() {
    assertThat(data.wijk("leeuwarden-oost", "Bilgaardt")).isInstanceOf(WijkMatch.Unknown.class);
    assertThat(data.wijk("leeuwarden-oost", "")).isInstanceOf(WijkMatch.Unknown.class);
    assertThat(data.wijk("leeuwarden-oost", "---")).isInstanceOf(WijkMatch.Unknown.class);
  }

  @Test
  void repeatedLookUpsOfOneSpellingGiveTheSameAnswerPerProgramme() {
    for (int i = 0; i < 3; i++) {
      assertThat(data.wijk("leeuwarden-oost", "Prinsenhof")).isInstanceOf(WijkMatch.OtherProgramme.class);
      assertThat(data.wijk("sterk-voor-noord", "Prinsenhof")).isEqualTo(new WijkMatch.Found("prinsenhof"));
    }
  }

  @Test
  void indicatorIsLookedUpWithinItsProgramme() {
    assertThat(data.indicator("leeuwarden-oost", "taalmaatjes-gekoppeld")).isPresent();
    assertThat(data.indicator("sterk-voor-noord", "taalmaatjes-gekoppeld")).isEmpty();
    assertThat(data.indicator("geen-programma", "taalmaatjes-gekoppeld")).isEmpty();
    assertThat(data.isIndicatorAnywhere("taalkoppels")).isTrue();
    assertThat(data.isIndicatorAnywhere("taalmaatjes")).isFalse();
  }

  @Test
  void deliveredByWithATrailingStarIsAPrefix() {
    Indicator indicator = new Indicator("x", "p", null, null, null, null, List.of("ikc-*", "dbieb"), null, null,
        null);

    assertThat(indicator.deliverableBy("ikc-1")).isTrue();
    assertThat(indicator.deliverableBy("ikc-10")).isTrue();
    assertThat(indicator.deliverableBy("dbieb")).isTrue();
    assertThat(indicator.deliverableBy("ikec-waterlelie")).isFalse();
    assertThat(indicator.deliverableBy("dbieb-2")).as("without a star the id must match exactly").isFalse();
    assertThat(new Indicator("x", "p", null, null, null, null, null, null, null, null).deliverableBy("dbieb"))
        .isFalse();
  }

  @Test
  void partnerWithStarWorksEverywhereAndOtherwiseOnlyInItsWijken() {
    assertThat(data.partner("dbieb").orElseThrow().worksIn("camminghaburen")).isTrue();
    Partner gezinslab = data.partner("gezinslab").orElseThrow();
    assertThat(gezinslab.worksIn("bilgaard")).isTrue();
    assertThat(gezinslab.worksIn("oud-oost")).isTrue();
    assertThat(gezinslab.worksIn("vrijheidswijk")).isFalse();
    assertThat(new Partner("p", "P", "x", "s", null, null, null).worksIn("anywhere")).as("no wijken listed: all").isTrue();
  }

  @Test
  void realPartnersHaveUniqueIdsAndAnIndicatorForEveryReportingPartnerIsReachable() {
    assertThat(data.partners()).extracting(Partner::id).doesNotHaveDuplicates();
    assertThat(data.partner("ikc-7")).isPresent();
    assertThat(data.indicator("leeuwarden-oost", "extra-leertijd-kinderen").orElseThrow().deliverableBy("ikc-7"))
        .isTrue();
  }
}
