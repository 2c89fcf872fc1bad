package nl.wijkhub.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard and the public page in Debian's headless Chromium: staff log in with the form, see exact figures
 * and the chart drawn from them; the public page shows no count below 5, and neither page has serious or critical
 * axe-core violations. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-browser-it");
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final String PROGRAMME = "leeuwarden-oost";
  private static final String INDICATOR = "taalmaatjes-gekoppeld";
  private static final String INDICATOR_NAME = "Taalmaatjes gekoppeld via DBieb";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
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

  private ChromeDriver browser;

  @BeforeAll
  void dbiebDeliversCouplesForTwoYears() {
    HttpResponse<String> delivered = new ApiClient(port, "demo-dbieb").postCsv("/api/v1/submissions",
        "indicator;wijk;periode;waarde;toelichting\n"
            + INDICATOR + ";Bilgaard;2091;20;\n"
            + INDICATOR + ";Bilgaard;2092;12;\n"
            + INDICATOR + ";Camminghaburen;2092;3;\n");
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(202);
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> figures.figures(PROGRAMME).stream()
        .filter(f -> f.indicator().equals(INDICATOR) && (f.period().equals("2091") || f.period().equals("2092")))
        .count() == 3);
  }

  @BeforeEach
  void startBrowser() {
    assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "Needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().build(), options);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void staffSeeExactFiguresPerWijkAndTheChartDrawnFromThem() {
    logInAs("demo-programmabureau");
    browser.get(url("/dashboard/" + PROGRAMME + "?jaar=2092"));

    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
    List<String> cells = figuresOf(INDICATOR_NAME);
    // Realised, target (none here), Bilgaard, Vrijheidswijk, Heechterp-Schieringen, Camminghaburen, Oud Oost, all.
    assertThat(cells).containsExactly("15", "", "12", "", "", "3", "", "15");
    WebElement chart = row(INDICATOR_NAME).findElement(By.className("grafiek"));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> !chart.findElements(By.tagName("svg")).isEmpty());
    // Other tests on the same broker may deliver other years of this indicator: look at the last two.
    List<?> drawn = (List<?>) ((JavascriptExecutor) browser).executeScript(
        "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data.slice(-2);", chart);
    assertThat(drawn).asString().isEqualTo("[20, 15]");
    assertThat(chart.getDomAttribute("data-jaren")).endsWith("2091,2092");
    screenshot("dashboard-overzicht.png");
    assertThat(seriousOrCriticalViolations()).isEmpty();
  }

  @Test
  void publicPageShowsNoCountBelowFiveAndNeedsNoLogin() {
    browser.get(url("/publiek/" + PROGRAMME + "?jaar=2092"));

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
    screenshot("publiek-overzicht.png");
    assertThat(seriousOrCriticalViolations()).isEmpty();
  }

  private void logInAs(String user) {
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> !b.getCurrentUrl().contains("/login"));
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

  /** axe-core's WCAG 2.1 A/AA rules on the page as it is; the ids and node counts of serious or critical ones. */
  private List<Object> seriousOrCriticalViolations() {
    JavascriptExecutor js = browser;
    js.executeScript(resource("axe-core/axe.min.js"));
    Object result = js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target)))
          .catch(e => done(['axe failed: ' + e]));
        """);
    return List.copyOf((List<?>) result);
  }

  private void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static String resource(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
