package nl.wijkhub.accessrequest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijkhub.publish.PublishFailed;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The privacy officer's API: an access request from a BSN in the POST body (JSON, or CSV for the letter when
 * {@code Accept} asks for text/csv), and the register of processing activities as CSV. The access rules let only
 * privacy officers with a second factor in; the answer covers only their own municipality's covenants.
 */
@RestController
class AccessRequestController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** The request body; only the BSN, which never appears in a URL, a log line or an error. */
  record AccessRequest(String bsn) {}

  private final AccessRequests requests;
  private final ProcessingRegister register;

  AccessRequestController(AccessRequests requests, ProcessingRegister register) {
    this.requests = requests;
    this.register = register;
  }

  @PostMapping(path = "/api/v1/privacy/inzageverzoeken", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, PrivacyCsv.MEDIA_TYPE})
  ResponseEntity<?> answer(HubPrincipal officer, @RequestBody(required = false) AccessRequest request,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    String bsn = BsnInput.parse(request == null ? null : request.bsn()).orElseThrow(() -> new Refused(
        HttpStatus.BAD_REQUEST, "BSN_ONGELDIG", "Ongeldig BSN", BsnInput.INVALID + " Zet het in het veld 'bsn'."));
    if (wantsCsv(accept)) {
      AccessAnswer answer = requests.answer(officer, bsn, AccessRequests.Use.EXPORT);
      return download(PrivacyCsv.answer(answer), "inzageverzoek.csv");
    }
    AccessAnswer answer = requests.answer(officer, bsn, AccessRequests.Use.VIEW);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(Map.of("convenanten", answer.covenants(), "verwerkingen", answer.steps().stream()
            .map(AccessRequestController::json).toList()));
  }

  @GetMapping(path = "/api/v1/privacy/verwerkingsregister", produces = PrivacyCsv.MEDIA_TYPE)
  ResponseEntity<byte[]> register(HubPrincipal officer) {
    return download(PrivacyCsv.register(register.of(officer)), ProcessingRegister.fileName(officer));
  }

  static ResponseEntity<byte[]> download(byte[] csv, String fileName) {
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
            .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(csv);
  }

  private static Map<String, Object> json(AccessAnswer.Step step) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("tijdstip", step.when().toString());
    row.put("handeling", step.step());
    row.put("partij", step.party());
    row.put("partijNaam", step.partyName());
    row.put("convenant", step.covenant());
    row.put("convenantVersie", step.version());
    row.put("verwerkingsactiviteit", step.activity());
    row.put("doel", step.purpose());
    row.put("grondslag", step.legalGround());
    row.put("categorieen", step.categories());
    row.put("signaal", step.signalId());
    return row;
  }

  /** CSV only when the caller prefers it to JSON; Spring has already refused an Accept that allows neither. */
  private static boolean wantsCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types = MediaType.parseMediaTypes(accept);
    MimeTypeUtils.sortBySpecificity(types);
    for (MediaType type : types) {
      if (type.includes(MediaType.APPLICATION_JSON)) {
        return false;
      }
      if (type.includes(CSV)) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(Refused.class)
  ResponseEntity<ProblemDetail> refused(Refused e) {
    return problem(e.status, e.code, e.title, e.getMessage());
  }

  /** A body that is no JSON object: answered without echoing any of it, as it may hold a BSN. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "BSN_ONGELDIG", "Ongeldig verzoek", "Stuur een JSON-object met het"
        + " veld 'bsn', bijvoorbeeld {\"bsn\": \"123456782\"}.");
  }

  /** The look-up could not be logged: then it is not answered either. */
  @ExceptionHandler(PublishFailed.class)
  ResponseEntity<ProblemDetail> notLogged(PublishFailed e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "VERWERKINGENLOG_NIET_BESCHIKBAAR", "Niet beschikbaar",
        "Het opvragen kon niet in het verwerkingenlog worden vastgelegd, daarom is er geen antwoord gegeven."
            + " Probeer het over enkele minuten opnieuw.");
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setProperty("code", code);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** A request answered with a Dutch problem instead of an answer. */
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
