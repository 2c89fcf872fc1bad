package nl.wijkhub.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.Fixtures;
import nl.wijkhub.delivery.Problem;
import nl.wijkhub.delivery.RawRow;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.SignalType;
import nl.wijkhub.events.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalValidatorTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
  private static final String BSN = "111222333";
  private static final String NAME = "Jan Jansen";

  private final SignalValidator validator = new SignalValidator(Fixtures.reference(), CLOCK);
  private final List<Problem> problems = new ArrayList<>();

  private static RawRow row(Map<String, String> cells) {
    String[] values = new String[SignalColumns.LAYOUT.size()];
    cells.forEach((header, value) -> values[SignalColumns.LAYOUT.ofHeader(header).orElseThrow().index()] = value);
    return RawRow.ofText(2, values, 0);
  }

  private static Map<String, String> valid() {
    return new java.util.HashMap<>(Map.of("soort", "jongere-in-beeld", "bsn", BSN, "naam", NAME,
        "geboortedatum", "2010-05-04", "wijk", "Bilgaard", "datum", "30-11-2026", "professional", "A. Agent",
        "contact", "0580-123456", "toelichting", "Vaak laat op straat met oudere jongeren."));
  }

  private ValidatedSignal validate(Map<String, String> cells) {
    Delivery delivery = Fixtures.delivery("politie-leeuwarden-oost").as(Delivery.Kind.SIGNALS);
    return validator.validate(row(cells), delivery, Fixtures.partner("politie-leeuwarden-oost"), problems);
  }

  private List<String> codes(Map<String, String> cells) {
    assertThat(validate(cells)).as("row should be refused").isNull();
    return problems.stream().map(Problem::code).toList();
  }

  @Test
  void validRowBecomesANewSignalWithEveryField() {
    ValidatedSignal signal = validate(valid());

    assertThat(problems).isEmpty();
    assertThat(signal.action()).isEqualTo(RoutedSignalKind.NIEUW);
    assertThat(signal.signal().getType()).isEqualTo(SignalType.JONGERE_IN_BEELD);
    assertThat(signal.signal().getBsn()).isEqualTo(BSN);
    assertThat(signal.signal().getName()).isEqualTo(NAME);
    assertThat(signal.signal().getDateOfBirth()).isEqualTo(LocalDate.of(2010, 5, 4));
    assertThat(signal.signal().getWijk()).isEqualTo("bilgaard");
    assertThat(signal.signal().getSignalDate()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(signal.signal().getUrgency()).as("empty is normal").isEqualTo(Urgency.NORMAAL);
    assertThat(signal.signal().getSupplier()).isEqualTo("politie-leeuwarden-oost");
    assertThat(signal.signal().getSignalId()).hasSize(36);
  }

  @ParameterizedTest
  @ValueSource(strings = {"111222334", "12345678", "1112223330", "abcdefghi", "000000000"})
  void bsnThatFailsTheElevenTestIsRefusedWithoutQuotingIt(String bsn) {
    Map<String, String> cells = valid();
    cells.put("bsn", bsn);

    assertThat(codes(cells)).containsExactly("BSN_ONGELDIG");
    assertThat(problems.get(0).field()).isEqualTo("bsn");
    assertThat(problems.get(0).line()).isEqualTo(2);
    assertThat(problems.get(0).excerpt()).isNull();
    assertThat(problems.get(0).message()).doesNotContain(bsn);
  }

  @Test
  void bsnWithDotsOrADroppedLeadingZeroIsRead() {
    assertThat(Bsn.normalise("111.222.333")).isEqualTo(BSN);
    assertThat(Bsn.normalise("12345672")).as("a spreadsheet drops the leading zero of 012345672")
        .isEqualTo("012345672");
    assertThat(nl.wijkhub.delivery.ElevenTest.passes("123456782")).isTrue();
    assertThat(Bsn.normalise("23456782")).as("023456782 fails the test").isNull();
  }

  @Test
  void noMessageQuotesAnyPersonalValue() {
    Map<String, String> cells = valid();
    cells.put("bsn", "111222334");
    cells.put("geboortedatum", "2199-01-01");
    cells.put("wijk", "Nergenshuizen");
    cells.put("toelichting", "x".repeat(501));
    cells.put("naam", "N".repeat(201));

    assertThat(codes(cells)).containsExactlyInAnyOrder("BSN_ONGELDIG", "GEBOORTEDATUM_ONGELDIG", "WIJK_ONBEKEND",
        "TOELICHTING_TE_LANG", "TEKST_TE_LANG");
    assertThat(problems).allSatisfy(p -> {
      assertThat(p.excerpt()).isNull();
      assertThat(p.message()).doesNotContain("111222334", "2199", "Nergenshuizen", "xxxxx", "NNNNN");
    });
  }

  @Test
  void requiredFieldsAreNamed() {
    assertThat(codes(Map.of("soort", "huurachterstand"))).containsExactlyInAnyOrder("BSN_ONTBREEKT",
        "NAAM_ONTBREEKT", "WIJK_ONTBREEKT", "DATUM_ONTBREEKT", "PROFESSIONAL_ONTBREEKT", "CONTACT_ONTBREEKT");
  }

  @Test
  void placeSignalNeedsAnAddressButNoPerson() {
    Map<String, String> cells = valid();
    cells.put("soort", "overlast-op-adres");
    cells.remove("bsn");
    cells.remove("naam");
    assertThat(codes(cells)).containsExactly("ADRES_ONTBREEKT");

    problems.clear();
    cells.put("adres", "Kalverdijkje 1, 8924 AA Leeuwarden");
    assertThat(validate(cells).signal().getAddress()).isEqualTo("Kalverdijkje 1, 8924 AA Leeuwarden");
  }

  @Test
  void unknownTypeListsTheVocabulary() {
    Map<String, String> cells = valid();
    cells.put("soort", "zorgen");

    assertThat(codes(cells)).containsExactly("SOORT_ONBEKEND");
    assertThat(problems.get(0).message()).contains("jongere-in-beeld", "huurachterstand", "schoolverzuim",
        "kwetsbaar-gezin", "overlast-op-adres");
  }

  @Test
  void multiTeamAanmeldingIsAYoungPersonInView() {
    Map<String, String> cells = valid();
    cells.put("soort", "MultiTeam-aanmelding");

    assertThat(validate(cells).signal().getType()).isEqualTo(SignalType.JONGERE_IN_BEELD);
  }

  @Test
  void signalDateInTheFutureAndImplausibleBirthDatesAreRefused() {
    Map<String, String> cells = valid();
    cells.put("datum", "2026-12-02");
    cells.put("geboortedatum", "1900-01-01");

    assertThat(codes(cells)).containsExactlyInAnyOrder("DATUM_IN_TOEKOMST", "GEBOORTEDATUM_ONGELDIG");
  }

  @Test
  void correctionAndWithdrawalReferToTheEarlierSignal() {
    String earlier = "0b9d5f6e-4b1a-4c57-9d2e-2f7c1c9e8a11";
    Map<String, String> cells = valid();
    cells.put("actie", "intrekking");
    cells.put("signaal", earlier);
    ValidatedSignal withdrawal = validate(cells);
    assertThat(withdrawal.action()).isEqualTo(RoutedSignalKind.INTREKKING);
    assertThat(withdrawal.signal().getSignalId()).isEqualTo(earlier);

    cells.put("actie", "correctie");
    cells.remove("signaal");
    assertThat(codes(cells)).containsExactly("SIGNAAL_ONTBREEKT");
  }

  @Test
  void newSignalMayNotCarryAnId() {
    Map<String, String> cells = valid();
    cells.put("signaal", "0b9d5f6e-4b1a-4c57-9d2e-2f7c1c9e8a11");

    assertThat(codes(cells)).containsExactly("SIGNAAL_BIJ_NIEUW");
  }

  @Test
  void extraColumnsAreRefusedLikeCounts() {
    String[] values = new String[SignalColumns.LAYOUT.size()];
    Arrays.fill(values, "");
    RawRow row = RawRow.ofText(3, values, 2);
    Delivery delivery = Fixtures.delivery("politie-leeuwarden-oost").as(Delivery.Kind.SIGNALS);

    assertThat(validator.validate(row, delivery, Fixtures.partner("politie-leeuwarden-oost"), problems)).isNull();
    assertThat(problems).extracting(Problem::code).containsExactly("TE_VEEL_KOLOMMEN");
  }
}
