package nl.wijkhub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijkhub.WijkhubApplication;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.dashboard.FigureSource.Figure;
import nl.wijkhub.dashboard.FigureSource.PartnerPart;
import nl.wijkhub.delivery.Fixtures;
import nl.wijkhub.embedded.EmbeddedStack;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.FormLoginSession;
import nl.wijkhub.support.MinaSftpServer;
import nl.wijkhub.support.SftpHub;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The golden check of the dashboard issue: the figures of the programmes' own reports (the domain table
 * indicators.csv, copied to {@code src/test/resources/golden/}) delivered by their partners through the normal
 * channels come out exactly, with their targets, on the staff dashboard and in the internal yearly report.
 *
 * <p>Each figure is delivered as {@link GoldenFigures} splits it: by every partner that may deliver it (the ten
 * plus-IKC's each a part), each part for a wijk of that partner's working area, so the figure is the sum of the
 * wijken. A third of the partners deliver through the drop folder, a third through the API and the rest over SFTP.
 * These are the reports' own years (2024, and 2023 for Sterk voor Noord) of indicators other tests deliver too, so
 * the hub runs on a broker and registry of its own: the store replays the whole indicators topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenFiguresIT {

  private static final String CSV = "text/csv";
  private static final Map<String, String> STAFF = Map.of("leeuwarden-oost", "demo-programmabureau",
      "sterk-voor-noord", "demo-programmabureau-svn");
  private static final Duration RECEIPT_WAIT = Duration.ofSeconds(120);

  @TempDir
  static Path data;

  private final ReferenceData reference = Fixtures.reference();
  private final GoldenFigures golden = new GoldenFigures(reference);
  private EmbeddedStack stack;
  private MinaSftpServer sftp;
  private ConfigurableApplicationContext hub;
  private int port;

  @BeforeAll
  void partnersDeliverTheReportsFiguresThroughEveryChannel() throws Exception {
    stack = EmbeddedStack.start(Files.createDirectories(data.resolve("stack")));
    Map<String, StringBuilder> files = deliveries();
    List<String> partners = new ArrayList<>(files.keySet());
    List<String> overSftp = partners.subList(2 * partners.size() / 3, partners.size());
    Path sftpRoot = Files.createDirectories(data.resolve("sftp"));
    for (String partner : overSftp) {
      Files.createDirectories(sftpRoot.resolve(partner));
    }
    sftp = MinaSftpServer.start(sftpRoot, "wijkhub", "golden-geheim");
    Map<String, String> sftpKeys = new LinkedHashMap<>();
    Map<String, Object> props = new HashMap<>(TestInfrastructure.hubProperties(stack, data,
        TestInfrastructure.isolation()));
    for (String partner : overSftp) {
      String secret = "WIJKHUB_SFTP_" + partner.toUpperCase().replace('-', '_') + "_PASSWORD";
      sftpKeys.put(partner, "sftp: {host: 127.0.0.1, port: " + sftp.port() + ", user: wijkhub, directory: "
          + partner + ", passwordFrom: " + secret + "}");
      props.put(secret, "golden-geheim");
    }
    props.put("wijkhub.reference-data", SftpHub.referenceData(Files.createDirectories(data.resolve("config")),
        sftpKeys));
    props.put("wijkhub.sftp.poll-interval", "200ms");
    props.put("wijkhub.sftp.min-age", "100ms");
    props.put("wijkhub.sftp.known-hosts", SftpHub.knownHosts(data, List.of(sftp.knownHostsLine())).toString());
    props.put("server.port", "0");
    hub = new SpringApplicationBuilder(WijkhubApplication.class)
        .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));

    for (int i = 0; i < partners.size(); i++) {
      String partner = partners.get(i);
      String csv = SftpHub.HEADER + files.get(partner);
      if (overSftp.contains(partner)) {
        SftpHub.upload(sftpRoot.resolve(partner), "golden.csv", csv);
        awaitAccepted(partner, sftpRoot.resolve(partner).resolve("golden.csv.receipt.json"));
      } else if (i % 2 == 0) {
        dropInInbox(partner, csv);
      } else {
        HttpResponse<String> answer = new ApiClient(port, "demo-" + partner).postCsv("/api/v1/submissions", csv);
        assertThat(answer.statusCode()).as(partner + ": " + answer.body()).isEqualTo(202);
        assertThat(ApiClient.json(answer).path("status").asString()).as(partner).isEqualTo("ACCEPTED");
      }
    }
    FigureSource figures = hub.getBean(FigureSource.class);
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> golden.lines().stream().allMatch(line ->
        delivered(figures, line)));
  }

  @AfterAll
  void stop() throws IOException {
    if (hub != null) {
      hub.close();
    }
    if (sftp != null) {
      sftp.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theInternalReportHoldsEveryFigureAndTargetOfTheReports() {
    for (GoldenFigures.Line line : golden.lines()) {
      List<String> row = reportRow(line);
      assertThat(row.get(ReportColumns.REALISED)).as(line.code()).isEqualTo(CellText.number(line.realised()));
      assertThat(row.get(ReportColumns.TARGET)).as(line.code() + " target")
          .isEqualTo(line.target() == null ? "" : CellText.number(line.target()));
    }
  }

  @Test
  void theStaffDashboardShowsEveryFigureAndTargetOfTheReports() {
    Map<String, String> pages = new HashMap<>();
    for (GoldenFigures.Line line : golden.lines()) {
      String page = pages.computeIfAbsent(line.programme() + "|" + line.period(),
          key -> dashboard(line.programme(), line.period()));
      List<String> cells = cellsAfter(page, reference.indicator(line.programme(), line.code()).orElseThrow().name());
      assertThat(cells.get(0)).as(line.code()).isEqualTo(CellText.number(line.realised()));
      assertThat(cells.get(2)).as(line.code() + " target").isEqualTo(line.target() == null ? ""
          : CellText.number(line.target()) + " (" + line.targetPeriod() + ")");
    }
  }

  /** Per partner the rows of its CSV, in the order of indicators.csv. */
  private Map<String, StringBuilder> deliveries() {
    Map<String, StringBuilder> files = new LinkedHashMap<>();
    for (GoldenFigures.Line line : golden.lines()) {
      Figure figure = golden.figures(line.programme()).stream().filter(f -> f.indicator().equals(line.code())
          && f.period().equals(line.period())).findFirst().orElseThrow();
      for (PartnerPart part : figure.parts()) {
        files.computeIfAbsent(part.partner(), p -> new StringBuilder()).append(line.code()).append(';')
            .append(wijkOf(part.partner(), line.programme())).append(';').append(line.period()).append(';')
            .append(CellText.number(part.value().min())).append(";golden\n");
      }
    }
    return files;
  }

  /** A wijk of the partner's working area: its first, or the programme's first for a partner of every wijk. */
  private String wijkOf(String partnerId, String programme) {
    Partner partner = reference.partner(partnerId).orElseThrow();
    return partner.wijken().contains(Partner.ALL_WIJKEN)
        ? reference.programmes().stream().filter(p -> p.id().equals(programme)).findFirst().orElseThrow()
            .wijken().get(0).code()
        : partner.wijken().get(0);
  }

  private static boolean delivered(FigureSource figures, GoldenFigures.Line line) {
    return figures.figures(line.programme()).stream().filter(f -> f.indicator().equals(line.code())
        && f.period().equals(line.period())).mapToDouble(f -> f.value().min()).sum() == line.realised();
  }

  private void dropInInbox(String partner, String csv) throws IOException {
    Path inbox = Files.createDirectories(data.resolve("inbox").resolve(partner));
    Path written = Files.writeString(data.resolve(partner + "-golden.csv"), csv);
    Files.move(written, inbox.resolve("golden.csv"), StandardCopyOption.ATOMIC_MOVE);
    awaitAccepted(partner, data.resolve("outbox").resolve(partner).resolve("golden.csv.receipt.json"));
  }

  /** Waits, as long as a loaded machine may need, for the receipt beside the file or in the outbox. */
  private static void awaitAccepted(String partner, Path receipt) throws IOException {
    await().atMost(RECEIPT_WAIT).until(() -> Files.exists(receipt));
    assertThat(Files.readString(receipt)).as(partner).containsPattern("\"status\"\\s*:\\s*\"ACCEPTED\"");
  }

  private List<String> reportRow(GoldenFigures.Line line) {
    String user = STAFF.get(line.programme());
    HttpResponse<String> report = ApiClient.demoUser(port, user).get("/api/v1/programmes/" + line.programme()
        + "/report?year=" + line.period() + "&versie=intern", "Accept", CSV);
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    try (CsvReader<CsvRecord> records = CsvReader.builder().fieldSeparator(';')
        .ofCsvRecord(report.body().substring(1))) {
      return records.stream().filter(r -> r.getFieldCount() > 4 && r.getField(4).equals(line.code())).findFirst()
          .orElseThrow(() -> new AssertionError("no row for " + line.code())).getFields();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String dashboard(String programme, String year) {
    HttpResponse<String> page = FormLoginSession.logIn(port, STAFF.get(programme))
        .get("/dashboard/" + programme + "?jaar=" + year);
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  /** The texts of the cells after the row header with this name: realised, basis, target, status, ... */
  private static List<String> cellsAfter(String page, String name) {
    String text = page.replace("&#39;", "'").replace("&amp;", "&").replace("&quot;", "\"");
    int header = text.indexOf(">" + name + "</span>");
    assertThat(header).as("a row for " + name).isPositive();
    String row = text.substring(header, text.indexOf("</tr>", header));
    List<String> cells = new ArrayList<>();
    Matcher cell = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row);
    while (cell.find()) {
      cells.add(cell.group(1).strip());
    }
    return cells;
  }

}
