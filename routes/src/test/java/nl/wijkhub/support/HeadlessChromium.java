package nl.wijkhub.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.io.ClassPathResource;

/**
 * Debian's headless Chromium driving a hub on 127.0.0.1 for the browser ITs: start it per test, log in with the form,
 * wait for a page, run axe-core, keep screenshots in {@code target/screenshots}, and quit it after the test.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** How long a page may take to answer a click on a loaded machine. */
  private static final Duration PAGE_WAIT = Duration.ofSeconds(60);
  /** axe-core's audit and the downloads run as async scripts; Selenium's 30 s default is tight on two busy cores. */
  private static final Duration SCRIPT_WAIT = Duration.ofSeconds(120);

  private final ChromeDriver driver;
  private final int port;

  private HeadlessChromium(ChromeDriver driver, int port) {
    this.driver = driver;
    this.port = port;
  }

  /** Starts a browser for the hub on {@code port}; skips the test where Chromium or its driver is not installed. */
  public static HeadlessChromium start(int port) {
    assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "Needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
    ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().build(), options);
    driver.manage().timeouts().scriptTimeout(SCRIPT_WAIT);
    return new HeadlessChromium(driver, port);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** The hub's address for a path. */
  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Logs in with the form (the demo users' password is their name) and waits until the login page is left. */
  public void logInAs(String user) {
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(user);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    waitUntil(b -> !b.getCurrentUrl().contains("/login"));
  }

  /** Waits until the condition holds for the browser, as a page reached by a click or drawn by a script. */
  public void waitUntil(Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, PAGE_WAIT).until(condition);
  }

  /** axe-core's WCAG 2.1 A/AA rules on the page as it is; the ids and node counts of serious or critical ones. */
  public List<Object> seriousOrCriticalViolations() {
    driver.executeScript(resource("axe-core/axe.min.js"));
    Object result = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target)))
          .catch(e => done(['axe failed: ' + e]));
        """);
    return List.copyOf((List<?>) result);
  }

  /** A screenshot of the whole window. */
  public void screenshot(String name) {
    writeScreenshot(name, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** A screenshot taken otherwise, e.g. of one element. */
  public static void writeScreenshot(String name, byte[] png) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String resource(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
