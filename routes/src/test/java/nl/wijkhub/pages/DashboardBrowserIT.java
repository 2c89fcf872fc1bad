package nl.wijkhub.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.HeadlessChromium;
import nl.wijkhub.support.TestInfrastructure;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard, the completeness page, a partner's own page and the public page in Debian's headless Chromium:
 * staff log in with the form, see exact figures and the chart drawn from them, see who still owes figures and log
 * out; a partner sees its own deliveries reconciled and nothing of another partner; the public page shows no count
 * below 5; no page has serious or critical axe-core violations. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-browser-it");
  private static final String PROGRAMME = "leeuwarden-oost";
  private static final String INDICATOR = "taalmaatjes-gekoppeld";
  private static final String INDICATOR_NAME = "Taalmaatjes gekoppeld via DBieb";
  /** Another partner, whose delivery DBieb's own page must not show. */
  private static final String OTHER_PARTNER = "ikc-3";
  private static final String OTHER_INDICATOR = "ikc-medewerkers-getraind";
  /** A number from 1 to 4 standing alone, as a suppressed count would if it leaked. */
  private static final Pattern SMALL_COUNT = Pattern.compile("^[1-4]([,.]\\d+)?$");

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort
  int port;

  @Autowired
  FigureSource figures;

  private HeadlessChromium chromium;
  private ChromeDriver browser;
  private String otherSubmission;

  @BeforeAll
  void dbiebDeliversCouplesForTwoYears() {
    HttpResponse<String> delivered = new ApiClient(port, "demo-dbieb").postCsv("/api/v1/submissions",
        "indicator;wijk;periode;waarde;toelichting\n"
            + INDICATOR + ";Bilgaard;2091;20;\n"
            + INDICATOR + ";Bilgaard;2092;12;\n"
            + INDICATOR + ";Camminghaburen;2092;3;\n");
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(202);
    HttpResponse<String> other = new ApiClient(port, "demo-" + OTHER_PARTNER).postCsv("/api/v1/submissions",
        "indicator;wijk;periode;waarde;toelichting\n" + OTHER_INDICATOR + ";Bilgaard;2092;8;\n");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(202);
    otherSubmission = ApiClient.json(other).get("submissionId").asString();
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> figures.figures(PROGRAMME).stream()
        .filter(f -> f.indicator().equals(INDICATOR) && (f.period().equals("2091") || f.period().equals("2092")))
        .count() == 3 && figures.figures(PROGRAMME).stream()
        .anyMatch(f -> f.indicator().equals(OTHER_INDICATOR) && f.period().equals("2092")));
  }

  @BeforeEach
  void startBrowser() {
    chromium = HeadlessChromium.start(port);
    browser = chromium.driver();
  }

  @AfterEach
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void staffSeeExactFiguresPerWijkAndTheChartDrawnFromThem() {
    chromium.logInAs("demo-programmabureau");
    browser.get(chromium.url("/dashboard/" + PROGRAMME + "?jaar=2092"));

    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
    List<String> cells = figuresOf(INDICATOR_NAME);
    // Realised, target (none here), Bilgaard, Vrijheidswijk, Heechterp-Schieringen, Camminghaburen, Oud Oost, all.
    assertThat(cells).containsExactly("15", "", "12", "", "", "3", "", "15");
    WebElement chart = row(INDICATOR_NAME).findElement(By.className("grafiek"));
    chromium.waitUntil(b -> !chart.findElements(By.tagName("svg")).isEmpty());
    // Other tests on the same broker may deliver other years of this indicator: look at the last two.
    List<?> drawn = (List<?>) ((JavascriptExecutor) browser).executeScript(
        "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data.slice(-2);", chart);
    assertThat(drawn).asString().isEqualTo("[20, 15]");
    assertThat(chart.getDomAttribute("data-jaren")).endsWith("2091,2092");
    chromium.screenshot("dashboard-overzicht.png");
    WebElement pillar = chart.findElement(By.xpath("ancestor::section"));
    HeadlessChromium.writeScreenshot("dashboard-pijler.png", pillar.getScreenshotAs(OutputType.BYTES));
    assertThat(chromium.seriousOrCriticalViolations()).isEmpty();
  }

  @Test
  void staffDownloadTheYearlyReportFromTheDashboardAndReadItBack() throws IOException {
    chromium.logInAs("demo-programmabureau");
    browser.get(chromium.url("/dashboard/" + PROGRAMME + "?jaar=2092"));

    List<?> csv = download(browser.findElement(By.linkText("Download 'Wat is bereikt' 2092 (CSV)")));
    assertThat(csv.get(0)).as(csv.toString()).isEqualTo(200L);
    assertThat((String) csv.get(1)).startsWith("text/csv");
    String body = new String(Base64.getDecoder().decode((String) csv.get(2)), StandardCharsets.UTF_8);
    String row = body.lines().filter(line -> line.contains(INDICATOR_NAME)).findFirst()
        .orElseThrow(() -> new AssertionError("No report row for " + INDICATOR_NAME + " in\n" + body));
    assertThat(List.of(row.split(";"))).as(row).contains("15", "som van de wijken");

    List<?> xlsx = download(browser.findElement(By.linkText("Download 'Wat is bereikt' 2092 (Excel)")));
    assertThat(xlsx.get(0)).isEqualTo(200L);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
        Base64.getDecoder().decode((String) xlsx.get(2))))) {
      DataFormatter cells = new DataFormatter();
      List<String> found = new ArrayList<>();
      workbook.getSheetAt(0).forEach(r -> {
        List<String> values = new ArrayList<>();
        r.forEach(c -> values.add(cells.formatCellValue(c)));
        if (values.contains(INDICATOR_NAME)) {
          found.addAll(values);
        }
      });
      assertThat(found).as("the XLSX row of " + INDICATOR_NAME).contains("15");
    }
  }

  @Test
  void staffSeeWhoStillOwesFiguresAndLogOut() {
    chromium.logInAs("demo-programmabureau");
    browser.get(chromium.url("/dashboard/" + PROGRAMME));
    browser.findElement(By.linkText("Wie leverde wat aan")).click();
    // A click returns before the page it leads to has loaded: wait for the navigation, then look.
    awaitUrlContaining("/dashboard/" + PROGRAMME + "/volledigheid");
    // The year is chosen with the form, which needs no script; DBieb owes its 2025 figure by 31 January 2026.
    new Select(browser.findElement(By.id("jaar"))).selectByValue("2025");
    browser.findElement(By.cssSelector("form.jaarkeuze button")).click();

    awaitUrlContaining("jaar=2025");
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Wie leverde wat aan: ");
    List<WebElement> states = browser.findElements(By.cssSelector("td.stand"));
    assertThat(states).isNotEmpty();
    assertThat(states).extracting(WebElement::getText).allMatch(text -> List.of("op tijd binnen",
        "te laat binnen", "ontbreekt", "nog niet verschuldigd").contains(text));
    assertThat(browser.findElements(By.cssSelector("section h2"))).extracting(WebElement::getText)
        .anyMatch(heading -> heading.startsWith("DBieb"));
    chromium.screenshot("dashboard-volledigheid.png");
    assertThat(chromium.seriousOrCriticalViolations()).isEmpty();

    browser.findElement(By.cssSelector("form.afmelden button")).click();
    chromium.waitUntil(b -> b.getCurrentUrl().contains("/login"));
    browser.get(chromium.url("/dashboard/" + PROGRAMME));
    assertThat(browser.getCurrentUrl()).as("logged out: the dashboard asks for a login again").contains("/login");
  }

  @Test
  void partnerSeesItsOwnDeliveriesReconciledAndNothingOfAnotherPartner() {
    chromium.logInAs("demo-dbieb");
    browser.get(chromium.url("/partner"));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Uw aanleveringen: DBieb");
    WebElement delivery = browser.findElements(By.cssSelector("#leveringen tbody tr")).stream()
        .filter(tr -> tr.getText().contains("API") && tr.getText().contains("klopt: 3 regels in de opslag"))
        .findFirst().orElseThrow(() -> new AssertionError("No reconciled delivery of 3 rows"));
    assertThat(delivery.findElement(By.cssSelector("td.klopt")).getText()).startsWith("klopt");
    assertThat(browser.findElements(By.cssSelector("#cijfers tbody tr")))
        .extracting(tr -> tr.getDomAttribute("data-indicator")).contains(INDICATOR)
        .doesNotContain(OTHER_INDICATOR);
    assertThat(browser.getPageSource()).doesNotContain(otherSubmission).doesNotContain("IKC 3")
        .doesNotContain(OTHER_INDICATOR);
    chromium.screenshot("partner-eigen.png");
    assertThat(chromium.seriousOrCriticalViolations()).isEmpty();

    browser.get(chromium.url("/dashboard/" + PROGRAMME));
    assertThat(browser.getPageSource()).as("a partner does not see the programme's dashboard")
        .doesNotContain(INDICATOR_NAME);
  }

  @Test
  void publicPageShowsNoCountBelowFiveAndNeedsNoLogin() {
    browser.get(chromium.url("/publiek/" + PROGRAMME + "?jaar=2092"));

    assertThat(browser.getCurrentUrl()).contains("/publiek/");
    List<String> cells = figuresOf(INDICATOR_NAME);
    assertThat(cells.get(5)).as("Camminghaburen").isEqualTo("<5");
    assertThat(List.of(cells.get(2), cells.get(7))).as("Bilgaard or the total, from which the 3 would follow")
        .contains("×");
    assertThat(browser.findElements(By.cssSelector("td.getal")).stream().map(WebElement::getText))
        .noneMatch(text -> SMALL_COUNT.matcher(text.trim()).matches());
    assertThat(browser.findElements(By.className("grafiek")).stream()
        .map(element -> element.getDomAttribute("data-waarden")).flatMap(v -> List.of(v.split(",")).stream()))
        .noneMatch(text -> SMALL_COUNT.matcher(text).matches());
    assertThat(browser.getPageSource()).doesNotContain("revisie").doesNotContain("dbieb");
    assertThat(browser.findElements(By.cssSelector("form.afmelden"))).as("nobody to log out").isEmpty();
    chromium.screenshot("publiek-overzicht.png");
    assertThat(chromium.seriousOrCriticalViolations()).isEmpty();
  }

  /** Fetches a link with the logged-in browser's own session, as a click would: status, type, body as base64. */
  private void awaitUrlContaining(String part) {
    chromium.waitUntil(b -> b.getCurrentUrl().contains(part));
  }

  private List<?> download(WebElement link) {
    return (List<?>) ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => r.arrayBuffer().then(buffer => {
          let bytes = '';
          new Uint8Array(buffer).forEach(b => bytes += String.fromCharCode(b));
          done([r.status, r.headers.get('content-type'), btoa(bytes)]);
        }));
        """, link.getDomAttribute("href"));
  }

  private WebElement row(String indicatorName) {
    return browser.findElements(By.cssSelector("tbody tr")).stream()
        .filter(tr -> tr.findElement(By.tagName("th")).getText().startsWith(indicatorName)).findFirst()
        .orElseThrow(() -> new AssertionError("No row for " + indicatorName));
  }

  private List<String> figuresOf(String indicatorName) {
    return row(indicatorName).findElements(By.cssSelector("td.getal")).stream().map(WebElement::getText)
        .map(String::trim).toList();
  }

}
