package nl.wijkhub.pages;

import nl.wijkhub.reference.Programme;
import nl.wijkhub.report.ReportFile;
import nl.wijkhub.report.YearlyReportBuilder;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The overview of a programme: exact figures for its staff at {@code /dashboard/{programme}}, protected aggregates
 * for anyone at {@code /publiek/{programme}} (no revision history, no partner's part). One template serves both,
 * so that the public page can only ever show less.
 */
@Controller
class DashboardPages {

  private static final int FIRST_YEAR = 2000;
  private static final int LAST_YEAR = 2100;

  private final OverviewBuilder overviews;
  private final YearlyReportBuilder reports;

  DashboardPages(OverviewBuilder overviews, YearlyReportBuilder reports) {
    this.overviews = overviews;
    this.reports = reports;
  }

  @GetMapping("/dashboard/{programme}")
  String staff(HubPrincipal caller, @PathVariable String programme, @RequestParam(required = false) Integer jaar,
      Model model) {
    Programme known = known(programme);
    if (!caller.maySeeFigure(programme, null)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Alleen het programmabureau van " + known.name()
          + " ziet dit dashboard.");
    }
    model.addAttribute("overzicht", overviews.build(known, year(programme, jaar), true));
    return "overzicht";
  }

  /**
   * The yearly report as a file, linked from the staff overview: a browser cannot choose CSV or XLSX by
   * {@code Accept} as an API client does, so the link says which ({@code formaat}) and which version.
   */
  @GetMapping("/dashboard/{programme}/rapport")
  ResponseEntity<byte[]> report(HubPrincipal caller, @PathVariable String programme,
      @RequestParam(required = false) Integer jaar, @RequestParam(defaultValue = "xlsx") String formaat,
      @RequestParam(defaultValue = "openbaar") String versie) {
    Programme known = known(programme);
    if (!caller.maySeeFigure(programme, null)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Alleen het programmabureau van " + known.name()
          + " downloadt deze rapportage.");
    }
    boolean xlsx = switch (formaat) {
      case "xlsx" -> true;
      case "csv" -> false;
      default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Kies als formaat xlsx of csv.");
    };
    boolean internal = switch (versie) {
      case "intern" -> true;
      case "openbaar" -> false;
      default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Kies als versie openbaar of intern.");
    };
    return ReportFile.download(reports.build(programme, year(programme, jaar), internal), xlsx);
  }

  @GetMapping("/publiek/{programme}")
  String publicPage(@PathVariable String programme, @RequestParam(required = false) Integer jaar, Model model) {
    Programme known = known(programme);
    model.addAttribute("overzicht", overviews.build(known, year(programme, jaar), false));
    return "overzicht";
  }

  private Programme known(String programme) {
    return overviews.programme(programme).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "Er is geen programma '" + programme + "'."));
  }

  private int year(String programme, Integer asked) {
    if (asked == null) {
      return overviews.defaultYear(programme);
    }
    if (asked < FIRST_YEAR || asked > LAST_YEAR) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Kies een jaar tussen " + FIRST_YEAR + " en "
          + LAST_YEAR + ".");
    }
    return asked;
  }
}
