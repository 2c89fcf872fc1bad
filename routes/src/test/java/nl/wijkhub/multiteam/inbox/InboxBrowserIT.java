package nl.wijkhub.multiteam.inbox;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.HeadlessChromium;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MultiTeam's inbox in Debian's headless Chromium, on the real broker, registry, matcher and PostgreSQL: the
 * police and a school signal about the same young person through the API; a member of the covenant logs in, sees
 * both signals and their match without any identity, opens a signal (identity shown, the view in the processing
 * log with the member in the access record), sets its status, and opens the match (whom to call). A member of the
 * other covenant sees none of it. No page has serious or critical axe-core violations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxBrowserIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-inbox-it");
  private static final String PMG = "pmg-leeuwarden-oost";
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  /** A person no other test signals about: a fresh BSN and a name with this run in it. */
  private static final String BSN = randomBsn();
  private static final String NAME = "Inbox Persoon " + UUID.randomUUID().toString().substring(0, 8);
  /** The signals' date, taken once: a run that passes midnight must look for the month the signals were given in. */
  private static final LocalDate YESTERDAY = LocalDate.now().minusDays(1);

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
    registry.add("wijkhub.matches.enabled", () -> "true");
    registry.add("wijkhub.signal-counts.enabled", () -> "true");
  }

  @LocalServerPort
  int port;

  @Autowired
  DataSource dataSource;

  private String policeSignal;
  private String schoolSignal;
  private String matchId;
  private HeadlessChromium chromium;
  private ChromeDriver browser;

  @BeforeAll
  void policeAndSchoolSignalAboutTheSamePerson() {
    policeSignal = signal("politie-leeuwarden-oost", "A. Agent");
    schoolSignal = signal("ikc-1", "Meester Bakker");
    await().atMost(PATIENCE).until(() -> matchOf(policeSignal) != null);
    Match match = matchOf(policeSignal);
    assertThat(match.getSignals()).extracting(MatchedSignal::getSignalId)
        .containsExactlyInAnyOrder(policeSignal, schoolSignal);
    matchId = match.getMatchId();
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
  void aMemberSeesTheSignalsAndTheMatchOpensOneLoggedAndSetsItsStatus() {
    chromium.logInAs("demo-pmg-multiteam");
    browser.get(chromium.url("/multiteam"));

    assertThat(browser.getCurrentUrl()).endsWith("/multiteam/" + PMG);
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
    assertThat(signalRow(policeSignal).getText()).contains("Politie", "nieuw");
    assertThat(signalRow(schoolSignal).getText()).contains("nieuw");
    assertThat(browser.findElements(By.linkText("Match " + matchId + " openen"))).hasSize(1);
    assertThat(browser.getPageSource()).as("the list shows no identity").doesNotContain(BSN, NAME);
    chromium.screenshot("inbox-lijst.png");
    assertThat(chromium.seriousOrCriticalViolations()).isEmpty();

    signalRow(policeSignal).findElement(By.tagName("a")).click();
    // A click returns before the page it leads to has loaded: wait for the navigation, then look.
    awaitUrlContaining("/signalen/" + policeSignal);
    assertThat(browser.findElement(By.id("identiteit")).getText()).contains(BSN, NAME);
    assertThat(browser.getPageSource()).contains("A. Agent");
    chromium.screenshot("inbox-signaal.png");
    assertThat(chromium.seriousOrCriticalViolations()).isEmpty();
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> viewersOf(policeSignal).contains(
        "demo-pmg-multiteam"));

    new Select(browser.findElement(By.id("status"))).selectByVisibleText("in behandeling");
    browser.findElement(By.cssSelector("form.status button[type=submit]")).click();
    chromium.waitUntil(b -> b.getCurrentUrl().endsWith("/multiteam/" + PMG));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("in behandeling");
    assertThat(signalRow(policeSignal).getText()).contains("in behandeling");
    assertThat(statusChanges(policeSignal)).containsExactly(Map.of("NEW_STATUS", "IN_BEHANDELING",
        "CHANGED_BY", "demo-pmg-multiteam"));

    browser.findElement(By.linkText("Match " + matchId + " openen")).click();
    awaitUrlContaining("/matches/" + matchId);
    assertThat(browser.getPageSource()).contains("A. Agent", "Meester Bakker").doesNotContain(BSN, NAME);
    chromium.screenshot("inbox-match.png");
    assertThat(chromium.seriousOrCriticalViolations()).isEmpty();
  }

  @Test
  void aMemberOfTheOtherCovenantSeesNoneOfIt() {
    chromium.logInAs("demo-svn-multiteam");
    browser.get(chromium.url("/multiteam"));

    assertThat(browser.getCurrentUrl()).endsWith("/multiteam/svn-casusoverleg");
    assertThat(browser.getPageSource()).doesNotContain(policeSignal, schoolSignal, matchId);
    browser.get(chromium.url("/multiteam/" + PMG));
    assertThat(browser.getPageSource()).doesNotContain(policeSignal, schoolSignal, matchId);
    browser.get(chromium.url("/multiteam/" + PMG + "/signalen/" + policeSignal));
    assertThat(browser.getPageSource()).doesNotContain(BSN, NAME);
    assertThat(viewersOf(policeSignal)).doesNotContain("demo-svn-multiteam");
  }

  /**
   * The same two signals counted on the programme's signals page (issue 11): exact for its staff, at least these two
   * in Bilgaard in yesterday's month (other tests on the shared broker signal too); the public page shows no count
   * from 1 to 4.
   */
  @Test
  void programmeStaffSeeTheSignalsCountedAndThePublicPageNoSmallCount() {
    String page = "/signalen?jaar=" + YESTERDAY.getYear();
    By bilgaard = By.cssSelector("table[data-convenant='" + PMG + "'][data-soort='JONGERE_IN_BEELD']"
        + " tr[data-wijk='bilgaard'] td[data-maand='" + YESTERDAY.getMonthValue() + "']");
    chromium.logInAs("demo-programmabureau");

    await().atMost(PATIENCE).until(() -> {
      browser.get(chromium.url("/dashboard/leeuwarden-oost" + page));
      List<WebElement> cell = browser.findElements(bilgaard);
      return !cell.isEmpty() && Integer.parseInt(cell.get(0).getText()) >= 2;
    });
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Signalen: Leeuwarden Oost "
        + YESTERDAY.getYear());
    assertThat(browser.getPageSource()).doesNotContain(BSN, NAME, policeSignal, schoolSignal);
    chromium.screenshot("signalen-programmabureau.png");
    assertThat(chromium.seriousOrCriticalViolations()).isEmpty();

    // Yesterday's month ended less than 30 days ago (or has not ended): the public page does not show it yet.
    browser.get(chromium.url("/publiek/leeuwarden-oost" + page));
    List<String> shown = browser.findElements(By.cssSelector("td.getal")).stream().map(WebElement::getText).toList();
    assertThat(shown).noneMatch(v -> v.matches("[1-4]"));
    assertThat(browser.findElements(bilgaard)).allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("–"));
    assertThat(browser.findElement(By.className("melding")).getText()).contains("pas 30 dagen nadat hij voorbij is");
    assertThat(chromium.seriousOrCriticalViolations()).isEmpty();
  }

  private String signal(String partnerId, String professional) {
    String body = "[{\"soort\": \"jongere-in-beeld\", \"bsn\": \"" + BSN + "\", \"naam\": \"" + NAME + "\","
        + " \"geboortedatum\": \"2010-05-04\", \"wijk\": \"Bilgaard\", \"datum\": \"" + YESTERDAY
        + "\", \"professional\": \"" + professional + "\", \"contact\": \"0580-123456\","
        + " \"toelichting\": \"Zorgen\"}]";
    HttpResponse<String> response = new ApiClient(port, "demo-" + partnerId).post("/api/v1/signals",
        "application/json", body.getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response).get("references").get(0).get("id").asString();
  }

  private static Match matchOf(String signalId) {
    List<Match> matches = TopicReader.committed(Topics.matches(PMG).name(), Match.class,
        m -> m.getSignals().stream().anyMatch(s -> s.getSignalId().equals(signalId))).stream()
        .map(ConsumerRecord::value).filter(m -> m.getSignals().size() == 2).toList();
    return matches.isEmpty() ? null : matches.get(matches.size() - 1);
  }

  /** Who opened the signal, from the materialised processing log: the view and its access record, by span id. */
  private List<String> viewersOf(String signalId) {
    return new JdbcTemplate(dataSource).queryForList("SELECT a.acting_person FROM processing_record p JOIN"
        + " access_record a ON a.span_id = p.span_id WHERE p.name = 'ingezien' AND p.signal_id = ?", String.class,
        signalId);
  }

  private List<Map<String, Object>> statusChanges(String signalId) {
    return new JdbcTemplate(dataSource).queryForList("SELECT new_status, changed_by FROM inbox_status_change"
        + " WHERE item_type = 'SIGNAAL' AND item_id = ?", signalId).stream()
        .map(row -> Map.<String, Object>of("NEW_STATUS", row.get("new_status"), "CHANGED_BY", row.get("changed_by")))
        .toList();
  }

  private void awaitUrlContaining(String part) {
    chromium.waitUntil(b -> b.getCurrentUrl().contains(part));
  }

  private WebElement signalRow(String signalId) {
    return browser.findElement(By.cssSelector("tr[data-signaal='" + signalId + "']"));
  }

  /** Nine digits that pass the elfproef (11-test), with a random start so that no other test uses them. */
  private static String randomBsn() {
    while (true) {
      int[] digits = new int[9];
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        digits[i] = ThreadLocalRandom.current().nextInt(i == 0 ? 1 : 0, 10);
        sum += digits[i] * (9 - i);
      }
      int last = sum % 11;
      if (last <= 9) {
        digits[8] = last;
        StringBuilder bsn = new StringBuilder();
        for (int d : digits) {
          bsn.append(d);
        }
        return bsn.toString();
      }
    }
  }
}
