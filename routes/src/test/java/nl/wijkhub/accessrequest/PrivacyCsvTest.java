package nl.wijkhub.accessrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivacyCsvTest {

  @Test
  void theLetterIsExcelCsvInTheResidentsTimeWithEveryFormulaNeutralised() {
    AccessAnswer answer = new AccessAnswer(List.of("Convenant X"), List.of(new AccessAnswer.Step(
        Instant.parse("2026-06-30T22:30:00Z"), "doorgestuurd", "p", "=HYPERLINK(\"http://x\")", "Convenant X", 2,
        "+activiteit", "-doel", "@grondslag", List.of("BSN", "naam"), "s-1")));

    String csv = new String(PrivacyCsv.answer(answer), StandardCharsets.UTF_8);

    assertThat(csv).startsWith("\uFEFFInzageverzoek: verwerkingen in Wijkhub;Doorzochte convenanten: Convenant X;"
        + "Aantal verwerkingen: 1;");
    assertThat(csv.lines().toList()).element(1).isEqualTo(String.join(";", PrivacyCsv.ANSWER_HEADERS));
    assertThat(csv.lines().toList()).element(2).isEqualTo("2026-07-01 00:30;doorgestuurd;\"'=HYPERLINK(\"\"http://x\"\")\";"
        + "p;Convenant X;2;'+activiteit;'-doel;'@grondslag;BSN, naam;s-1");
  }

  @Test
  void theRegisterStatesRetentionInWords() {
    assertThat(RegisterEntry.dutch(java.time.Period.parse("P18M"))).isEqualTo("18 maanden");
    assertThat(RegisterEntry.dutch(java.time.Period.parse("P1Y"))).isEqualTo("1 jaar");
    assertThat(RegisterEntry.dutch(java.time.Period.parse("P1Y1M"))).isEqualTo("1 jaar en 1 maand");
  }
}
