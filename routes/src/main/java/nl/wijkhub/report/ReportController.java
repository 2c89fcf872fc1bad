package nl.wijkhub.report;

import java.util.List;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yearly report "Wat is bereikt" as CSV or XLSX, chosen by {@code Accept} (CSV when either will do). The
 * public version protects small numbers; {@code versie=intern} asks for the version without, which only staff of
 * the programme get (the path is for staff only, see AccessRules) and which says so on every page.
 */
@RestController
class ReportController {

  private static final MediaType CSV = MediaType.parseMediaType(ReportCsv.MEDIA_TYPE);
  private static final MediaType XLSX = MediaType.parseMediaType(ReportXlsx.MEDIA_TYPE);
  private static final int FIRST_YEAR = 2000;
  private static final int LAST_YEAR = 2100;

  private final YearlyReportBuilder builder;
  private final ReferenceData reference;

  ReportController(YearlyReportBuilder builder, ReferenceData reference) {
    this.builder = builder;
    this.reference = reference;
  }

  @GetMapping(path = "/api/v1/programmes/{programme}/report",
      produces = {ReportCsv.MEDIA_TYPE, ReportXlsx.MEDIA_TYPE})
  ResponseEntity<byte[]> report(HubPrincipal caller, @PathVariable String programme, @RequestParam int year,
      @RequestParam(required = false, defaultValue = "openbaar") String versie,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    if (reference.programmes().stream().noneMatch(p -> p.id().equals(programme))) {
      throw new Refused(HttpStatus.NOT_FOUND, "PROGRAMMA_ONBEKEND", "Onbekend programma",
          "Er is geen programma '" + programme + "'.");
    }
    if (!caller.maySeeFigure(programme, null)) {
      throw new Refused(HttpStatus.FORBIDDEN, "PROGRAMMA_NIET_TOEGESTAAN", "Geen toegang",
          "U kunt alleen de rapportage van uw eigen programma opvragen: " + String.join(", ", caller.programmes())
              + ".");
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new Refused(HttpStatus.BAD_REQUEST, "JAAR_ONGELDIG", "Ongeldig jaar",
          "year moet een jaartal tussen " + FIRST_YEAR + " en " + LAST_YEAR + " zijn, bijvoorbeeld 2024.");
    }
    boolean internal = switch (versie) {
      case "intern" -> true;
      case "openbaar" -> false;
      default -> throw new Refused(HttpStatus.BAD_REQUEST, "VERSIE_ONGELDIG", "Ongeldige versie",
          "versie is 'openbaar' (standaard) of 'intern'.");
    };
    return ReportFile.download(builder.build(programme, year, internal), wantsXlsx(accept));
  }

  /** XLSX only when the caller prefers it to CSV; Spring has already refused an Accept that allows neither. */
  private static boolean wantsXlsx(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types = MediaType.parseMediaTypes(accept);
    org.springframework.util.MimeTypeUtils.sortBySpecificity(types);
    for (MediaType type : types) {
      if (type.includes(CSV)) {
        return false;
      }
      if (type.includes(XLSX)) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(Refused.class)
  ResponseEntity<ProblemDetail> refused(Refused e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
    problem.setTitle(e.title);
    problem.setProperty("code", e.code);
    return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** A request answered with a Dutch problem instead of a report. */
  private static final class Refused extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String title;

    Refused(HttpStatus status, String code, String title, String detail) {
      super(detail, null, false, false);
      this.status = status;
      this.code = code;
      this.title = title;
    }
  }
}
