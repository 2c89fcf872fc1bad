package nl.wijkhub.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import nl.wijkhub.connectors.monitoring.ObservationQuery;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.FormLoginSession;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A figure a partner withheld at source ("&lt;5") travels the whole way: the API accepts it, the event carries it,
 * the store on PostgreSQL keeps it as withheld, and the observations API, the internal report and the staff
 * dashboard show the total as a range, never as if the withheld value were 0.
 */
class WithheldAtSourceIT extends DeliveredFiguresFixture {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-withheld-it");
  /** A year no other test delivers, so the figures are exactly this test's. */
  private static final String YEAR = "2013";

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    hubProperties(registry, DATA);
  }

  @Autowired
  ObservationStore store;

  @BeforeAll
  void dbiebWithholdsBilgaardAndCountsTwelveInOudOost() {
    HttpResponse<String> delivered = deliver("demo-dbieb", "indicator;wijk;periode;waarde\n" + INDICATOR
        + ";Bilgaard;" + YEAR + ";<5\n" + INDICATOR + ";Oud Oost;" + YEAR + ";12\n");
    assertThat(ApiClient.json(delivered).path("accepted").asInt()).as(delivered.body()).isEqualTo(2);
    awaitFigures(YEAR, 2, INDICATOR);
  }

  @Test
  void theStoreKeepsTheValueAsWithheld() {
    assertThat(store.current(new ObservationQuery(PROGRAMME, INDICATOR, null, YEAR, null)))
        .extracting(o -> o.wijk() + "=" + (o.withheld() ? "<5" : o.value()))
        .containsExactly("bilgaard=<5", "oud-oost=12.0");
  }

  @Test
  void theObservationsApiSaysHowManyPartsWereWithheld() {
    HttpResponse<String> answer = ApiClient.demoUser(port, "demo-programmabureau")
        .get("/api/v1/observations?programme=" + PROGRAMME + "&indicator=" + INDICATOR + "&periode=" + YEAR
            + "&wijk=bilgaard");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode figure = ApiClient.json(answer).path("observations").get(0);
    assertThat(figure.path("withheldParts").asInt()).isEqualTo(1);
    assertThat(figure.path("partners").get(0).path("withheld").asBoolean()).isTrue();
  }

  @Test
  void theInternalReportShowsTheTotalAsARange() {
    HttpResponse<byte[]> report = get("/api/v1/programmes/" + PROGRAMME + "/report?year=" + YEAR
        + "&versie=intern", "text/csv", "demo-programmabureau");

    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(new String(report.body(), StandardCharsets.UTF_8).lines().filter(l -> l.contains(";" + INDICATOR + ";")).findFirst().orElseThrow())
        .contains(";13 tot 16;");
  }

  @Test
  void theStaffDashboardShowsTheTotalAndTheWithheldWijkAsRanges() {
    HttpResponse<String> page = FormLoginSession.logIn(port, "demo-programmabureau")
        .get("/dashboard/" + PROGRAMME + "?jaar=" + YEAR);

    assertThat(page.statusCode()).isEqualTo(200);
    String row = page.body().substring(page.body().indexOf("Taalmaatjes gekoppeld via DBieb<"));
    row = row.substring(0, row.indexOf("</tr>"));
    // Staff see exact figures, so the withheld wijk is shown for what it is: somewhere from 1 to 4.
    assertThat(row).contains(">13 tot 16<", ">1 tot 4<", ">12<");
  }
}
