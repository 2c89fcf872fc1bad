package nl.wijkhub.report;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.dashboard.FigureSource.Figure;
import nl.wijkhub.dashboard.FigureSource.PartnerPart;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;

/**
 * The domain table indicators.csv (figures from the programmes' reports) as a figure source: each figure delivered
 * for the whole programme by its leverancier; where that is a group ({@code ikc-*}) every member delivers a part
 * and the parts add up to the reported figure, as the store will sum them.
 */
final class GoldenFigures implements FigureSource {

  /** One line of indicators.csv. */
  record Line(String programme, String pillar, String intervention, String code, String name, String unit,
      String period, double realised, Double target, String targetPeriod, String supplier) {}

  private final List<Line> lines;
  private final List<Figure> figures = new ArrayList<>();

  GoldenFigures(ReferenceData reference) {
    this.lines = read();
    for (Line line : lines) {
      Indicator pattern = new Indicator(line.code(), line.programme(), null, null, null, null,
          List.of(line.supplier()), null, null, null);
      List<String> partners = reference.partners().stream().filter(p -> p.programme().equals(line.programme()))
          .map(Partner::id).filter(pattern::deliverableBy).sorted().toList();
      long total = Math.round(line.realised());
      List<PartnerPart> parts = new ArrayList<>();
      for (int i = 0; i < partners.size(); i++) {
        long share = total / partners.size() + (i < total % partners.size() ? 1 : 0);
        parts.add(new PartnerPart(partners.get(i), Count.of(share)));
      }
      figures.add(new Figure(line.programme(), line.code(), Figure.WHOLE_PROGRAMME, line.period(), parts));
    }
  }

  List<Line> lines() {
    return lines;
  }

  @Override
  public List<Figure> figures(String programme) {
    return figures.stream().filter(f -> f.programme().equals(programme)).toList();
  }

  private static List<Line> read() {
    try (InputStream in = GoldenFigures.class.getResourceAsStream("/golden/indicators.csv");
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(
            new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Line> lines = new ArrayList<>();
      for (NamedCsvRecord r : csv) {
        String target = r.getField("streefwaarde");
        lines.add(new Line(r.getField("programme"), r.getField("pijler"), r.getField("interventie"),
            r.getField("code"), r.getField("naam"), r.getField("eenheid"), r.getField("periode"),
            Double.parseDouble(r.getField("gerealiseerd")), target.isEmpty() ? null : Double.valueOf(target),
            r.getField("streefperiode").isEmpty() ? null : r.getField("streefperiode"), r.getField("leverancier")));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
