package nl.wijkhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijkhub.embedded.DemoMailServer;
import nl.wijkhub.embedded.EmbeddedStack;
import nl.wijkhub.embedded.FreePorts;
import nl.wijkhub.embedded.HubProcess;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's five-minute tour, run as a reader pastes it: each command of its {@code sh} block with bash, from the
 * repository's folder, against a hub started as {@code ./wijkhub start} starts it (the hub jar as a process, demo API
 * keys, the demo mail server). Only the fixed ports and the data folder are rewritten to this test's own.
 */
@ExtendWith(TestInfrastructure.class)
class TourIT {

  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  private static final Path JAR = Path.of(System.getProperty("wijkhub.jar", "target/wijkhub.jar"));
  private static final Pattern SHELL_BLOCK = Pattern.compile("## A five-minute tour.*?```sh\\n(.*?)```",
      Pattern.DOTALL);
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

  /** Kept when the test fails, for the hub's log. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path data;

  /**
   * What one command of the tour must print, given what the earlier commands printed (by their fragment); commands
   * are matched by a fragment of their text. An eventual step reads what fills a moment after the receipt (the
   * store, from Kafka; a match): it is tried again for a few seconds, as a reader pasting the next line gives it that
   * moment. Other steps run once: they send something.
   */
  private record Expectation(String fragment, BiPredicate<String, Map<String, String>> output, String meaning,
      boolean eventual) {

    Expectation(String fragment, Predicate<String> output, String meaning) {
      this(fragment, output, meaning, false);
    }

    Expectation(String fragment, Predicate<String> output, String meaning, boolean eventual) {
      this(fragment, (out, earlier) -> output.test(out), meaning, eventual);
    }

    Expectation(String fragment, BiPredicate<String, Map<String, String>> output, String meaning) {
      this(fragment, output, meaning, false);
    }
  }

  private static final String POLICE_SIGNAL = "Bearer demo-politie-leeuwarden-oost";
  private static final String SCHOOL_SIGNAL = "Bearer demo-ikc-3";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final List<Expectation> EXPECTED = List.of(
      new Expectation("receipt dbieb dbieb-2024.csv", out -> out.contains("geaccepteerd: alle regels"),
          "DBieb's text receipt, accepted"),
      new Expectation("receipt --json gemeente-leeuwarden", out -> out.matches("(?s).*\"status\"\\s*:\\s*\"ACCEPTED\".*"),
          "the municipality's JSON receipt, accepted"),
      new Expectation("indicator=gratis-kinderopvang-dagdelen",
          out -> out.contains("HTTP 200") && out.contains("\"gratis-kinderopvang-dagdelen\""),
          "the observations of an indicator with a target", true),
      new Expectation("receipt dbieb dbieb-2024-met-fouten.csv", out -> out.contains("gedeeltelijk geaccepteerd"),
          "the receipt naming the bad rows"),
      new Expectation("dryRun=true", out -> out.contains("HTTP 200") && !out.contains("DUPLICATE"),
          "a trial that is not a duplicate"),
      new Expectation("-F bestand=", out -> out.contains("HTTP 202"), "the XLSX taken"),
      new Expectation("submissions?limit=5", out -> out.contains("HTTP 200")
          && out.contains("sjabloon-aanlevering.xlsx"), "the partner's recent receipts"),
      new Expectation("imap://", out -> out.contains("dbieb-2023.csv.receipt.json"), "the receipt mail"),
      new Expectation("curl http://localhost:8080/actuator/health", out -> out.contains("HTTP 200")
          && out.contains("\"UP\"") && !out.contains("\"mail\""), "the bare status, open to anyone"),
      new Expectation("demo-beheer:demo-beheer http://localhost:8080/actuator/health",
          out -> out.contains("HTTP 200") && out.contains("\"mail\""), "health for operators, listing the mail server"),
      new Expectation(POLICE_SIGNAL, out -> out.contains("HTTP 202") && references(out).size() == 1,
          "the police's signal taken, with its reference"),
      new Expectation(SCHOOL_SIGNAL, out -> out.contains("HTTP 202") && references(out).size() == 1,
          "the school's signal taken, with its reference"),
      new Expectation("pmg-leeuwarden-oost/signalen", (out, earlier) -> out.contains("HTTP 200")
          && ids(body(out).get("signalen"), "signalId").containsAll(tourSignals(earlier))
          && !out.contains("999990019") && !out.contains("Testpersoon"),
          "both signals in the inbox, without identity"),
      new Expectation("pmg-leeuwarden-oost/matches", (out, earlier) -> out.contains("HTTP 200")
          && body(out).get("matches").valueStream().anyMatch(m -> m.get("open").asBoolean()
              && Set.copyOf(ids(m.get("signals"), "signalId")).equals(Set.copyOf(tourSignals(earlier)))),
          "one open match of the police's and the school's signal", true),
      new Expectation("inzageverzoeken", (out, earlier) -> out.contains("HTTP 200")
          && steps(body(out)).equals(List.of("ontvangen", "gepseudonimiseerd", "doorgestuurd", "ontvangen",
              "gepseudonimiseerd", "doorgestuurd", "gematcht"))
          && ids(body(out).get("verwerkingen"), "signaal").containsAll(tourSignals(earlier)),
          "every step of both signals and the match, oldest first", true));

  /**
   * How long a step that follows Kafka may take to show. The access request waits for the matcher's commit and then
   * the processing-log consumer's; in a full CI run on two cores that took more than a minute once.
   */
  private static final Duration EVENTUAL = Duration.ofMinutes(3);

  @Test
  void everyCommandOfTheReadmeTourWorksWhenPastedLineByLine() throws Exception {
    List<String> commands = tourCommands(Files.readString(REPOSITORY.resolve("README.md")));
    assertThat(commands).hasSizeGreaterThanOrEqualTo(EXPECTED.size());
    int hubPort = FreePorts.pick();
    try (EmbeddedStack stack = EmbeddedStack.start(Files.createDirectories(data.resolve("stack")));
        DemoMailServer mail = DemoMailServer.start(FreePorts.pick(), FreePorts.pick());
        HubProcess hub = startHub(stack, hubPort, mail)) {
      Map<String, String> rewrites = Map.of(
          "localhost:8080", "localhost:" + hubPort,
          "127.0.0.1:3025", "127.0.0.1:" + mail.smtpPort(),
          "127.0.0.1:3143", "127.0.0.1:" + mail.imapPort());
      List<String> unmatched = new ArrayList<>(EXPECTED.stream().map(Expectation::fragment).toList());
      Map<String, String> earlier = new HashMap<>();
      for (String command : commands) {
        String local = localised(command, rewrites);
        Expectation expected = EXPECTED.stream().filter(e -> command.contains(e.fragment())).findFirst()
            .orElse(new Expectation(command, out -> true, "exit code 0"));
        unmatched.remove(expected.fragment());
        Result result = expected.eventual()
            ? await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> run(local), r -> r.exitCode() == 0 && expected.output().test(r.output(), earlier))
            : run(local);
        assertThat(result.exitCode()).as("exit code of `%s`; it printed:%n%s", command, result.output()).isZero();
        assertThat(result.output()).as("`%s` should show %s", command, expected.meaning())
            .matches(out -> expected.output().test(out, earlier));
        earlier.put(expected.fragment(), result.output());
      }
      assertThat(unmatched).as("steps the test expects but the README no longer has").isEmpty();
    }
  }

  /** The commands of the tour's shell block, comments dropped and continued lines joined. */
  static List<String> tourCommands(String readme) {
    Matcher block = SHELL_BLOCK.matcher(readme);
    assertThat(block.find()).as("README.md has the tour's sh block").isTrue();
    List<String> commands = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : block.group(1).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1);
        continue;
      }
      commands.add(current.append(line).toString().strip());
      current.setLength(0);
    }
    return commands;
  }

  /** This test's ports and data folder; HTTP calls also print their status, for the assertions. */
  private String localised(String command, Map<String, String> rewrites) {
    String local = command.replaceAll("(?<=\\s)data/", Matcher.quoteReplacement(data + "/"));
    for (Map.Entry<String, String> rewrite : rewrites.entrySet()) {
      local = local.replace(rewrite.getKey(), rewrite.getValue());
    }
    return CURL_LAST.matcher(local).matches() && local.contains("http://")
        ? local + " -sS -w '\\nHTTP %{http_code}\\n'" : local;
  }

  /** A command whose last program is curl (alone, or reading a pipe), so that options appended reach curl. */
  private static final Pattern CURL_LAST = Pattern.compile("(?s)(curl |.*\\| curl ).*");

  /** The JSON an API call printed, without the status line this test appends. */
  private static JsonNode body(String out) {
    return JSON.readTree(out.substring(0, out.lastIndexOf("\nHTTP ")));
  }

  /** The signal references of a receipt. */
  private static List<String> references(String out) {
    return ids(body(out).get("references"), "id");
  }

  private static List<String> ids(JsonNode items, String field) {
    return items.valueStream().map(item -> item.get(field).asString()).toList();
  }

  /** The police's and the school's signal, from their receipts. */
  private static List<String> tourSignals(Map<String, String> earlier) {
    return List.of(references(earlier.get(POLICE_SIGNAL)).get(0), references(earlier.get(SCHOOL_SIGNAL)).get(0));
  }

  /** The access request's steps, in the order it lists them. */
  private static List<String> steps(JsonNode answer) {
    return answer.get("verwerkingen").valueStream().map(step -> step.get("handeling").asString()).toList();
  }

  private record Result(int exitCode, String output) {}

  private Result run(String command) throws IOException, InterruptedException {
    Path output = Files.createTempFile(data, "step-", ".out");
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(REPOSITORY.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("WIJKHUB_DATA", data.toString());
    // A loaded CI machine may need longer than the minute a reader waits.
    builder.environment().put("WIJKHUB_RECEIPT_WAIT", "240");
    Process process = builder.start();
    boolean ended = process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    return new Result(ended ? process.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8));
  }

  /**
   * As the launcher starts it: demo keys, the demo mail server, the matcher; the store of the tests, and a broker and
   * registry of its own, empty as under ./wijkhub start: on the shared broker the matcher would meet the signals of
   * other tests' hubs, sealed with keys it does not have, and report them as dead letters in the health the tour
   * shows.
   */
  private HubProcess startHub(EmbeddedStack stack, int port, DemoMailServer mail)
      throws IOException, InterruptedException {
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-Dserver.port=" + port));
    Map<String, String> properties = new HashMap<>(TestInfrastructure.hubProperties(stack, data,
        TestInfrastructure.isolation()));
    // The tour shows a match: the matcher runs, as under ./wijkhub start.
    properties.put("wijkhub.matches.enabled", "true");
    properties.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
    Map<String, String> environment = new HashMap<>(mail.hubEnvironment());
    environment.put("WIJKHUB_API_DEMO_KEYS", "true");
    HubProcess hub = HubProcess.start(JAR, jvm, environment, data.resolve("hub.log"));
    // Generous: on a busy CI machine a first start takes minutes.
    hub.awaitHttpReady(URI.create("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofMinutes(5));
    return hub;
  }
}
