package nl.wijkhub.counts;

import static nl.wijkhub.delivery.Fixtures.RECEIVED_AT;
import static nl.wijkhub.delivery.Fixtures.delivery;
import static nl.wijkhub.delivery.Fixtures.partner;
import static nl.wijkhub.delivery.Fixtures.reference;
import static nl.wijkhub.delivery.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.delivery.CountRow;
import nl.wijkhub.delivery.Problem;
import nl.wijkhub.events.IndicatorObservation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountValidatorTest {

  private final CountValidator validator = new CountValidator(reference());
  private final List<Problem> problems = new ArrayList<>();

  private IndicatorObservation validate(String partnerId, CountRow row) {
    return validator.validate(row.toRaw(), delivery(partnerId), partner(partnerId), problems);
  }

  /** Validates a row that must be refused and returns its single problem. */
  private Problem onlyProblem(String partnerId, CountRow row) {
    assertThat(validate(partnerId, row)).as("row should be refused").isNull();
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void validRowOfDbiebBecomesAnObservationWithEveryField() {
    IndicatorObservation observation = validate("dbieb",
        row(7, " taalmaatjes-gekoppeld ", " Bilgaard ", "2024-q3", " 12,5 ", "  koppels via het wijkcentrum "));

    assertThat(problems).isEmpty();
    assertThat(observation).isNotNull();
    assertThat(observation.getProgramme()).as("taken from the partner").isEqualTo("leeuwarden-oost");
    assertThat(observation.getIndicator()).isEqualTo("taalmaatjes-gekoppeld");
    assertThat(observation.getWijk()).as("the canonical code").isEqualTo("bilgaard");
    assertThat(observation.getPeriod()).isEqualTo("2024-Q3");
    assertThat(observation.getValue()).isEqualTo(12.5);
    assertThat(observation.getNote()).isEqualTo("koppels via het wijkcentrum");
    assertThat(observation.getPartner()).isEqualTo("dbieb");
    assertThat(observation.getSubmissionId()).isEqualTo("sub-1");
    assertThat(observation.getLine()).isEqualTo(7);
    assertThat(observation.getRevision()).isEqualTo(RECEIVED_AT.toEpochMilli());
    assertThat(observation.getReceivedAt()).isEqualTo(RECEIVED_AT);
  }

  @Test
  void emptyOrMissingToelichtingBecomesNoNote() {
    assertThat(validate("dbieb", row(2, "taalmaatjes-gekoppeld", "bilgaard", "2024", "7", "   ")).getNote()).isNull();
    assertThat(validate("dbieb", row(3, "taalmaatjes-gekoppeld", "bilgaard", "2024", "7", null)).getNote()).isNull();
  }

  @Test
  void exactJsonNumberKeepsItsDecimals() {
    CountRow json = new CountRow(4, "taalmaatjes-gekoppeld", "bilgaard", "2024", "1.521", true, null, 0);

    assertThat(validate("dbieb", json).getValue()).isEqualTo(1.521);
  }

  @Test
  void valueWithheldAtSourceBecomesAWithheldObservation() {
    IndicatorObservation observation = validate("dbieb", row(5, "taalmaatjes-gekoppeld", "bilgaard", "2024", "<5",
        null));

    assertThat(problems).isEmpty();
    assertThat(observation.getWithheld()).isTrue();
    assertThat(observation.getValue()).isZero();
    assertThat(validate("dbieb", row(6, "taalmaatjes-gekoppeld", "bilgaard", "2024", "4", null)).getWithheld())
        .as("a small number written out is exact").isFalse();
  }

  @Test
  void partnerOfSterkVoorNoordGetsItsOwnProgramme() {
    IndicatorObservation observation = validate("bibliotheek-aan-de-vliet",
        row(2, "taalkoppels", "De Heuvel", "2023", "40", null));

    assertThat(problems).isEmpty();
    assertThat(observation.getProgramme()).isEqualTo("sterk-voor-noord");
    assertThat(observation.getWijk()).isEqualTo("de-heuvel-amstelwijk");
  }

  @ParameterizedTest(name = "''{0}'' is wijk {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "bilgaard                      | bilgaard",
      "BILGAARD                      | bilgaard",
      "heechterp-schieringen         | heechterp-schieringen",
      "Heechterp-Schieringen         | heechterp-schieringen",
      "heechterp schieringen         | heechterp-schieringen",
      "HEECHTERP                     | heechterp-schieringen",
      "Schieringen                   | heechterp-schieringen",
      "Schiéringen                   | heechterp-schieringen",
      "Oud-Oost                      | oud-oost",
      "oud oost                      | oud-oost",
      "OUD OOST                      | oud-oost",
      "vlietzone                     | oud-oost",
      "Vliet                         | oud-oost",
      "Bloemenbuurt/Oldegalileen     | oud-oost",
      "tjerk hiddes cambuursterhoek  | oud-oost",
      "Camminghabûren                | camminghaburen",
      "'Vrijheidswijk'               | vrijheidswijk",
      "Vrijheidswijk.                | vrijheidswijk",
  })
  void wijkIsFoundByCodeNameOrAliasIgnoringCaseAccentsAndPunctuation(String written, String code) {
    IndicatorObservation observation = validate("dbieb", row(2, "taalmaatjes-gekoppeld", written, "2024", "1", null));

    assertThat(problems).isEmpty();
    assertThat(observation.getWijk()).isEqualTo(code);
  }

  @Test
  void unknownIndicatorIsRefusedAsUnknown() {
    Problem problem = onlyProblem("dbieb", row(3, "taalmaatjes-gekopeld", "bilgaard", "2024", "7", null));

    assertThat(problem).extracting(Problem::line, Problem::field, Problem::code, Problem::excerpt)
        .containsExactly(3L, "indicator", "INDICATOR_ONBEKEND", "taalmaatjes-gekopeld");
    assertThat(problem.message()).contains("'taalmaatjes-gekopeld'", "onbekend");
  }

  @Test
  void indicatorOfTheOtherProgrammeIsNotAllowed() {
    Problem problem = onlyProblem("dbieb", row(3, "taalkoppels", "bilgaard", "2024", "7", null));

    assertThat(problem.code()).isEqualTo("INDICATOR_NIET_TOEGESTAAN");
    assertThat(problem.field()).isEqualTo("indicator");
    assertThat(problem.message()).contains("taalkoppels", "leeuwarden-oost");
  }

  @Test
  void indicatorThatAnotherPartnerReportsIsNotAllowed() {
    Problem problem = onlyProblem("dbieb", row(3, "basisbanen", "bilgaard", "2024", "7", null));

    assertThat(problem.code()).isEqualTo("INDICATOR_NIET_TOEGESTAAN");
    assertThat(problem.message()).contains("basisbanen", "DBieb");
  }

  @Test
  void indicatorCodeIsMatchedIgnoringCaseLikeWijkAndHeader() {
    assertThat(validate("dbieb", row(3, "Taalmaatjes-Gekoppeld", "bilgaard", "2024", "7", null)).getIndicator())
        .isEqualTo("taalmaatjes-gekoppeld");
  }

  @Test
  void wildcardDeliveredByLetsEveryPlusIkcReport() {
    assertThat(validate("ikc-3", row(2, "extra-leertijd-kinderen", "Vrijheidswijk", "2024", "150", null)))
        .isNotNull();
    assertThat(validate("ikc-10", row(3, "extra-leertijd-kinderen", "Bilgaard", "2024", "120", null))).isNotNull();
    assertThat(problems).isEmpty();
  }

  @Test
  void wijkInThePartnersOwnAreaIsAccepted() {
    IndicatorObservation observation = validate("wijkbedrijf-bilgaard",
        row(2, "wijkbedrijf-doorstroom-betaald-werk", "Bilgaard", "2024", "4", null));

    assertThat(problems).isEmpty();
    assertThat(observation.getWijk()).isEqualTo("bilgaard");
  }

  @Test
  void wijkOutsideThePartnersOwnAreaIsRefusedAsOutsideTheWorkingArea() {
    Problem problem = onlyProblem("wijkbedrijf-bilgaard",
        row(2, "wijkbedrijf-doorstroom-betaald-werk", "Vrijheidswijk", "2024", "4", null));

    assertThat(problem).extracting(Problem::field, Problem::code, Problem::excerpt)
        .containsExactly("wijk", "WIJK_NIET_IN_WERKGEBIED", "Vrijheidswijk");
    assertThat(problem.message()).contains("Wijkbedrijf Bilgaard", "bilgaard");
  }

  @Test
  void partnerWithTwoWijkenMayReportBothButNoOther() {
    assertThat(validate("gezinslab", row(2, "gezinslab-vragen-beantwoord", "Bilgaard", "2024", "80", null)))
        .isNotNull();
    assertThat(validate("gezinslab", row(3, "gezinslab-vragen-beantwoord", "Vlietzone", "2024", "60", null)))
        .as("an alias of oud-oost").isNotNull();
    assertThat(validate("gezinslab", row(4, "gezinslab-vragen-beantwoord", "Camminghaburen", "2024", "5", null)))
        .isNull();
    assertThat(problems).extracting(Problem::line, Problem::code).containsExactly(tuple(4L,
        "WIJK_NIET_IN_WERKGEBIED"));
    assertThat(problems.get(0).message()).contains("bilgaard, oud-oost");
  }

  @ParameterizedTest
  @CsvSource({"heel programma", "Hele Programma", "programma", "*", "' * '"})
  void figureForTheWholeProgrammeGetsTheProgrammeWijk(String written) {
    IndicatorObservation observation = validate("dbieb",
        row(2, "taalmaatjes-gekoppeld", written, "2024", "93", null));

    assertThat(problems).isEmpty();
    assertThat(observation.getWijk()).isEqualTo("*");
  }

  @Test
  void partnerWithALimitedWorkingAreaMayNotDeliverAFigureForTheWholeProgramme() {
    Problem problem = onlyProblem("wijkbedrijf-bilgaard",
        row(2, "wijkbedrijf-doorstroom-betaald-werk", "heel programma", "2024", "4", null));

    assertThat(problem.code()).isEqualTo("HEEL_PROGRAMMA_NIET_IN_WERKGEBIED");
    assertThat(problem.line()).isEqualTo(2L);
    assertThat(problem.field()).isEqualTo("wijk");
    assertThat(problem.message()).contains("hele programma", "bilgaard", "per wijk");
  }

  @Test
  void aWordThatOnlyResemblesTheWholeProgrammeIsAnUnknownWijk() {
    assertThat(onlyProblem("dbieb", row(2, "taalmaatjes-gekoppeld", "heel het programma", "2024", "9", null)).code())
        .isEqualTo("WIJK_ONBEKEND");
  }

  @Test
  void wijkOfTheOtherProgrammeIsRefusedAsNotInProgramme() {
    Problem problem = onlyProblem("dbieb", row(3, "taalmaatjes-gekoppeld", "Prinsenhof", "2024", "7", null));

    assertThat(problem.code()).isEqualTo("WIJK_NIET_IN_PROGRAMMA");
    assertThat(problem.message()).contains("sterk-voor-noord", "leeuwarden-oost");
  }

  @Test
  void wijkOfLeeuwardenOostIsNotInProgrammeForAPartnerOfSterkVoorNoord() {
    Problem problem = onlyProblem("bibliotheek-aan-de-vliet", row(3, "taalkoppels", "Vlietzone", "2024", "7", null));

    assertThat(problem.code()).isEqualTo("WIJK_NIET_IN_PROGRAMMA");
    assertThat(problem.message()).contains("leeuwarden-oost");
  }

  @Test
  void unknownWijkIsRefusedAsUnknown() {
    Problem problem = onlyProblem("dbieb", row(3, "taalmaatjes-gekoppeld", "Bilgaardt", "2024", "7", null));

    assertThat(problem).extracting(Problem::field, Problem::code, Problem::excerpt)
        .containsExactly("wijk", "WIJK_ONBEKEND", "Bilgaardt");
  }

  @Test
  void invalidPeriodIsRefusedNamingIt() {
    Problem problem = onlyProblem("dbieb", row(3, "taalmaatjes-gekoppeld", "bilgaard", "sep-24", "7", null));

    assertThat(problem).extracting(Problem::field, Problem::code, Problem::excerpt)
        .containsExactly("periode", "PERIODE_ONGELDIG", "sep-24");
  }

  @Test
  void valueProblemCarriesTheParserCodeAndTheWrittenValue() {
    Problem problem = onlyProblem("dbieb", row(3, "taalmaatjes-gekoppeld", "bilgaard", "2024", "1.521", null));

    assertThat(problem).extracting(Problem::field, Problem::code, Problem::excerpt)
        .containsExactly("waarde", "WAARDE_DUBBELZINNIG", "1.521");
  }

  @Test
  void emptyRequiredFieldsAreEachReportedAsMissing() {
    assertThat(validate("dbieb", row(5, " ", null, "", null, "alleen een toelichting"))).isNull();

    assertThat(problems).extracting(Problem::line, Problem::field, Problem::code).containsExactly(
        tuple(5L, "indicator", "INDICATOR_ONTBREEKT"),
        tuple(5L, "wijk", "WIJK_ONTBREEKT"),
        tuple(5L, "periode", "PERIODE_ONTBREEKT"),
        tuple(5L, "waarde", "WAARDE_ONTBREEKT"));
  }

  @Test
  void everyProblemOfOneRowIsReportedInColumnOrder() {
    CountRow row = row(9, "onbekend", "Bilgaardt", "2024-13", "1,521", "x".repeat(501));

    assertThat(validate("dbieb", row)).isNull();

    assertThat(problems).extracting(Problem::line, Problem::field, Problem::code).containsExactly(
        tuple(9L, "indicator", "INDICATOR_ONBEKEND"),
        tuple(9L, "wijk", "WIJK_ONBEKEND"),
        tuple(9L, "periode", "PERIODE_ONGELDIG"),
        tuple(9L, "waarde", "WAARDE_DUBBELZINNIG"),
        tuple(9L, "toelichting", "TOELICHTING_TE_LANG"));
  }

  @Test
  void indicatorAndWorkingAreaProblemsAreBothReported() {
    assertThat(validate("wijkbedrijf-bilgaard", row(2, "taalmaatjes-gekoppeld", "Vrijheidswijk", "2024", "4", null)))
        .isNull();

    assertThat(problems).extracting(Problem::code)
        .containsExactly("INDICATOR_NIET_TOEGESTAAN", "WIJK_NIET_IN_WERKGEBIED");
  }

  @Test
  void toelichtingOfFiveHundredCharactersIsAccepted() {
    IndicatorObservation observation = validate("dbieb",
        row(2, "taalmaatjes-gekoppeld", "bilgaard", "2024", "7", " " + "é".repeat(500) + " "));

    assertThat(problems).isEmpty();
    assertThat(observation.getNote()).hasSize(500);
  }

  @Test
  void toelichtingLongerThanFiveHundredCharactersIsRefusedWithAShortExcerpt() {
    Problem problem = onlyProblem("dbieb", row(2, "taalmaatjes-gekoppeld", "bilgaard", "2024", "7", "x".repeat(501)));

    assertThat(problem.field()).isEqualTo("toelichting");
    assertThat(problem.code()).isEqualTo("TOELICHTING_TE_LANG");
    assertThat(problem.message()).contains("501", "500");
    assertThat(problem.excerpt()).hasSize(40).endsWith("…");
  }

  @Test
  void aLongTextInTheWijkColumnIsQuotedOnlyAsAShortExcerptInTheMessage() {
    String typedInTheWrongColumn = "Johanna Wilhelmina van der Berg-Hoekstra, Oranjestraat 12";

    Problem problem = onlyProblem("dbieb", row(2, "taalmaatjes-gekoppeld", typedInTheWrongColumn, "2024", "7", null));

    assertThat(problem.code()).isEqualTo("WIJK_ONBEKEND");
    assertThat(problem.message()).doesNotContain(typedInTheWrongColumn).contains("'Johanna Wilhelmina van der Berg");
    assertThat(problem.excerpt()).hasSize(40).endsWith("…");
  }

  @Test
  void tooManyColumnsIsTheOnlyProblemReportedForThatRow() {
    CountRow row = new CountRow(6, "taalmaatjes-gekoppeld", "bilgaard", "2024", "12", false, "5", 1);

    Problem problem = onlyProblem("dbieb", row);

    assertThat(problem).extracting(Problem::line, Problem::field, Problem::code)
        .containsExactly(6L, null, "TE_VEEL_KOLOMMEN");
    assertThat(problem.message()).contains("aanhalingstekens");
  }

  @Test
  void tooFewColumnsIsTheOnlyProblemReportedForThatRow() {
    CountRow row = new CountRow(6, "taalmaatjes-gekoppeld", "bilgaard", null, null, false, null, -2);

    assertThat(onlyProblem("dbieb", row)).extracting(Problem::line, Problem::field, Problem::code)
        .containsExactly(6L, null, "TE_WEINIG_KOLOMMEN");
  }

  @Test
  void problemsOfEarlierRowsInTheListDoNotRefuseAValidRow() {
    problems.add(Problem.ofField(2, "wijk", "WIJK_ONBEKEND", "eerder", "x"));

    assertThat(validate("dbieb", row(3, "taalmaatjes-gekoppeld", "bilgaard", "2024", "7", null))).isNotNull();
    assertThat(problems).hasSize(1);
  }

  @Test
  void sameSpellingIsResolvedPerProgrammeOnRepeatedRows() {
    for (int i = 0; i < 3; i++) {
      assertThat(validate("dbieb", row(2 + i, "taalmaatjes-gekoppeld", "Prinsenhof", "2024", "1", null))).isNull();
      assertThat(validate("bibliotheek-aan-de-vliet", row(2 + i, "taalkoppels", "Prinsenhof", "2024", "1", null)))
          .isNotNull();
    }
    assertThat(problems).extracting(Problem::code).containsOnly("WIJK_NIET_IN_PROGRAMMA").hasSize(3);
  }

  @Test
  void spreadsheetBooleanAndErrorTextsAreNoNumbers() {
    assertThat(onlyProblem("dbieb", row(2, "taalmaatjes-gekoppeld", "bilgaard", "2024", "WAAR", null)).code())
        .isEqualTo("WAARDE_GEEN_GETAL");
    problems.clear();
    assertThat(onlyProblem("dbieb", row(3, "taalmaatjes-gekoppeld", "bilgaard", "2024", "#DIV/0!", null)).code())
        .isEqualTo("WAARDE_GEEN_GETAL");
  }
}
