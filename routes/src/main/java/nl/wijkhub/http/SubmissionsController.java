package nl.wijkhub.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.wijkhub.HubSettings;
import nl.wijkhub.events.ReceiptError;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.delivery.DeliveryPipeline;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.FailedAttempts;
import nl.wijkhub.delivery.Delivery.DeliveryFormat;
import nl.wijkhub.delivery.DeliveryRoute;
import nl.wijkhub.delivery.DeliverySettings;
import nl.wijkhub.delivery.ReceiptDocuments;
import nl.wijkhub.delivery.Spool;
import nl.wijkhub.security.Denials;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The API channel: a partner's system posts a delivery and gets the committed receipt back, the same receipt the
 * drop folder writes. The body is spooled to disk (bounded by the delivery size limit) and goes through the one
 * normalisation path; the answer comes only after Kafka acknowledged every record.
 */
@RestController
@RequestMapping("/api/v1/submissions")
class SubmissionsController {

  static final String CHANNEL = "API";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** Printable ASCII, as the IETF idempotency-key draft expects of a key. */
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final Logger LOG = LoggerFactory.getLogger(SubmissionsController.class);

  private final ProducerTemplate camel;
  private final DeliveryPipeline ingestor;
  private final Admission admission;
  private final DeliverySettings limits;
  private final ApiSettings settings;
  private final Path spool;
  private final Clock clock;
  private final Denials denials;

  SubmissionsController(ProducerTemplate camel, DeliveryPipeline ingestor, Admission admission,
      DeliverySettings limits, ApiSettings settings, HubSettings hub, Clock clock, Denials denials) {
    this.camel = camel;
    this.ingestor = ingestor;
    this.admission = admission;
    this.limits = limits;
    this.settings = settings;
    this.spool = hub.spoolDir();
    this.clock = clock;
    this.denials = denials;
  }

  @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE, XLSX})
  ResponseEntity<Map<String, Object>> submitBody(HttpServletRequest request,
      @RequestAttribute(PartnerAuthentication.PARTNER) String partnerId,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(required = false) String bestandsnaam,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
    if (admission.isTooLarge(request.getContentLengthLong())) {
      throw tooLarge(admission.tooLarge(request.getContentLengthLong()).message());
    }
    String name = sourceName(bestandsnaam, MediaType.parseMediaType(request.getContentType()));
    return submit(request.getInputStream(), partnerId, name, dryRun, idempotencyKey);
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> submitUpload(@RequestPart("bestand") MultipartFile file,
      @RequestAttribute(PartnerAuthentication.PARTNER) String partnerId,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
    String name = safeName(file.getOriginalFilename());
    if (name.isEmpty()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "BESTANDSNAAM_ONTBREEKT", "Bestandsnaam ontbreekt",
          "Geef het bestand in het veld 'bestand' een naam met extensie (.csv, .json of .xlsx).");
    }
    try (InputStream in = file.getInputStream()) {
      return submit(in, partnerId, name, dryRun, idempotencyKey);
    }
  }

  /** One's own receipt; another partner's is answered exactly as an unknown id, so that its existence stays hidden. */
  @GetMapping("/{submissionId}")
  Map<String, Object> receipt(HttpServletRequest request, @PathVariable String submissionId,
      @RequestAttribute(PartnerAuthentication.PARTNER) String partnerId) {
    SubmissionReceipt receipt = ingestor.receipt(submissionId).orElseThrow(SubmissionsController::unknown);
    if (!receipt.getPartner().equals(partnerId)) {
      denials.answeredAsUnknown(request);
      throw unknown();
    }
    return ReceiptDocuments.document(receipt);
  }

  /** Never repeats the id it was given: it is the caller's raw input. */
  private static ApiProblem unknown() {
    return new ApiProblem(HttpStatus.NOT_FOUND, "AANLEVERING_ONBEKEND", "Aanlevering niet gevonden", "Er is geen"
        + " aanlevering met dit kenmerk. Proefaanleveringen worden niet bewaard.");
  }

  @GetMapping
  Map<String, Object> recent(@RequestAttribute(PartnerAuthentication.PARTNER) String partnerId,
      @RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > settings.listLimit()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "LIMIT_ONGELDIG", "Ongeldige limit", "limit moet tussen 1 en "
          + settings.listLimit() + " liggen.");
    }
    return Map.of("submissions", ingestor.recent(partnerId, limit).stream().map(ReceiptDocuments::document)
        .toList());
  }

  private ResponseEntity<Map<String, Object>> submit(InputStream body, String partnerId, String name,
      boolean dryRun, String idempotencyKey) {
    return submit(body, partnerId, name, dryRun, idempotencyKey, Delivery.Kind.COUNTS);
  }

  /** Spools the body and takes it through the one delivery path as a delivery of {@code kind}. */
  ResponseEntity<Map<String, Object>> submit(InputStream body, String partnerId, String name, boolean dryRun,
      String idempotencyKey, Delivery.Kind kind) {
    if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_ONGELDIG", "Ongeldige Idempotency-Key",
          "Een Idempotency-Key bestaat uit 1 tot 255 zichtbare ASCII-tekens, bijvoorbeeld een UUID.");
    }
    Delivery delivery = Spool.spool(body, spool, partnerId, CHANNEL, name, clock.instant(),
        limits.maxDeliverySize().toBytes()).as(kind);
    delivery = dryRun ? delivery.asDryRun() : delivery;
    delivery = idempotencyKey == null ? delivery : delivery.withIdempotencyKey(idempotencyKey);
    MDC.put("submission", delivery.submissionId());
    try {
      SubmissionReceipt receipt = normalise(delivery);
      return answer(receipt, !receipt.getSubmissionId().equals(delivery.submissionId()));
    } finally {
      delete(delivery.content());
    }
  }

  private SubmissionReceipt normalise(Delivery delivery) {
    try {
      return camel.requestBody(DeliveryRoute.ENDPOINT, delivery, SubmissionReceipt.class);
    } catch (CamelExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** 202 for a delivery taken (200 for a trial); a delivery with nothing valid is a problem with its errors. */
  private ResponseEntity<Map<String, Object>> answer(SubmissionReceipt receipt, boolean replayed) {
    if (receipt.getStatus() == ReceiptStatus.REJECTED) {
      throw refusal(receipt);
    }
    HttpHeaders headers = new HttpHeaders();
    if (!receipt.getDryRun()) {
      // Every delivery's receipt, signals' too, is read back under submissions.
      headers.setLocation(URI.create("/api/v1/submissions/" + receipt.getSubmissionId()));
    }
    if (replayed) {
      headers.set("Idempotent-Replayed", "true");
    }
    return ResponseEntity.status(receipt.getDryRun() ? HttpStatus.OK : HttpStatus.ACCEPTED).headers(headers)
        .body(ReceiptDocuments.document(receipt));
  }

  private ApiProblem refusal(SubmissionReceipt receipt) {
    List<String> codes = receipt.getErrors().stream().map(ReceiptError::getCode).distinct().toList();
    Map<String, Object> document = ReceiptDocuments.document(receipt);
    Map<String, Object> details = Map.of("submissionId", receipt.getSubmissionId(), "errors", document.get("errors"),
        "receipt", document);
    if (codes.equals(List.of(FailedAttempts.GIVEN_UP))) {
      // The hub's fault, not the request's: 500, with the receipt so the partner can name the delivery.
      return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, FailedAttempts.GIVEN_UP, "Verwerking mislukt",
          receipt.getErrors().get(0).getMessage(), details, new HttpHeaders());
    }
    if (codes.equals(List.of("BESTAND_TE_GROOT"))) {
      return tooLarge(receipt.getErrors().get(0).getMessage());
    }
    if (codes.equals(List.of("FORMAAT_ONBEKEND"))) {
      return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "FORMAAT_ONBEKEND", "Formaat niet ondersteund",
          receipt.getErrors().get(0).getMessage(), details, new HttpHeaders());
    }
    if (codes.equals(List.of("INDICATOR_NIET_TOEGESTAAN"))) {
      return new ApiProblem(HttpStatus.FORBIDDEN, "INDICATOR_NIET_TOEGESTAAN", "Indicator niet toegestaan",
          "Uw organisatie mag deze indicator(en) niet aanleveren; er is niets verwerkt. Zie errors.", details,
          new HttpHeaders());
    }
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NIETS_VERWERKT", "Niets verwerkt", "Geen enkele regel"
        + " van de aanlevering is geldig; er is niets verwerkt. Zie errors voor regel, kolom en reden.", details,
        new HttpHeaders());
  }

  /** 413 with the wording of {@link Admission}, the same on every channel. */
  static ApiProblem tooLarge(String detail) {
    return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "BESTAND_TE_GROOT", "Aanlevering te groot", detail);
  }

  /**
   * The file name without any folder (a browser or client may send {@code C:\Users\...\x.csv}, which would
   * otherwise carry a person's user name onto the receipt), or empty when none is left.
   *
   * @throws ApiProblem 400 for control characters, which no file name has
   */
  static String safeName(String sent) {
    if (sent == null) {
      return "";
    }
    if (sent.chars().anyMatch(Character::isISOControl)) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "BESTANDSNAAM_ONGELDIG", "Ongeldige bestandsnaam",
          "De bestandsnaam bevat stuurtekens. Geef een gewone naam met extensie (.csv, .json of .xlsx).");
    }
    return sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1).strip();
  }

  /** The name the normaliser reads the format from: the partner's, when it agrees with the Content-Type. */
  private static String sourceName(String bestandsnaam, MediaType type) {
    DeliveryFormat format = type.isCompatibleWith(MediaType.APPLICATION_JSON) ? DeliveryFormat.JSON
        : type.isCompatibleWith(MediaType.parseMediaType(XLSX)) ? DeliveryFormat.XLSX : DeliveryFormat.CSV;
    String name = safeName(bestandsnaam);
    if (name.isEmpty()) {
      return "aanlevering." + format.name().toLowerCase(Locale.ROOT);
    }
    if (Delivery.DeliveryFormat.ofFileName(name).filter(format::equals).isEmpty()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "BESTANDSNAAM_PAST_NIET", "Bestandsnaam past niet bij"
          + " Content-Type", "De bestandsnaam '" + name + "' past niet bij Content-Type " + type
          + ". Geef een naam op ." + format.name().toLowerCase(Locale.ROOT) + " of laat bestandsnaam weg.");
    }
    return name;
  }

  /** After the answer is decided: a spool file that cannot be removed must not turn a stored delivery into a 500. */
  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Cannot remove spool file {}: {}", file.getFileName(), e.toString());
    }
  }
}
