package nl.wijkhub.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.delivery.DeliveryNotPublished;
import nl.wijkhub.delivery.DeliveryTooLarge;
import nl.wijkhub.delivery.IdempotencyKeyReused;
import nl.wijkhub.delivery.ReceiptDocuments;
import nl.wijkhub.refusals.Audience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every refusal of the API, translated once into {@code application/problem+json} with a Dutch title
 * and detail. Bad input is never a 500; an unreachable Kafka or registry is a 503 the partner may retry.
 *
 * <p>Spring's own exceptions (a bad parameter, an unreadable body, a media type nobody takes) reach this advice from
 * the pages too; a page gets only their status, which the hub's error page then shows as a Dutch page.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private final Admission admission;

  ApiExceptionHandler(Admission admission) {
    this.admission = admission;
  }

  static final long RETRY_AFTER_UNAVAILABLE_SECONDS = 30;
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> problem(ApiProblem e, HttpServletRequest request) {
    return answer(e, request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> unsupported(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return answerApiOnly(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "FORMAAT_ONBEKEND", "Formaat niet ondersteund",
        "Stuur text/csv, application/json, " + SubmissionsController.XLSX + " of een multipart/form-data upload"
            + " met het bestand in het veld 'bestand'."), request, response);
  }

  @ExceptionHandler({MaxUploadSizeExceededException.class, DeliveryTooLarge.class})
  ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return answerApiOnly(SubmissionsController.tooLarge(admission.tooLarge(-1).message()), request, response);
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    return badRequest("Het veld '" + e.getRequestPartName() + "' ontbreekt in de upload.", request, response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badValue(MethodArgumentTypeMismatchException e, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    return badRequest("De waarde van '" + e.getName() + "' is ongeldig.", request, response);
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
      HttpMessageNotReadableException.class, MultipartException.class})
  ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return badRequest("Het verzoek is niet volledig of niet leesbaar.", request, response);
  }

  private static ResponseEntity<ProblemDetail> badRequest(String what, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    return answerApiOnly(new ApiProblem(HttpStatus.BAD_REQUEST, "VERZOEK_ONGELDIG", "Ongeldig verzoek", what
        + " Zie /api/v1/openapi.json voor de vorm van het verzoek."), request, response);
  }

  /**
   * The problem for the API; for a page only the status, sent as an error so that the container shows the hub's
   * error page (a null entity tells Spring the response is handled).
   */
  private static ResponseEntity<ProblemDetail> answerApiOnly(ApiProblem e, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    if (!Audience.forMachines(request.getServletPath())) {
      response.sendError(e.problem().getStatus());
      return null;
    }
    return answer(e, request);
  }

  @ExceptionHandler(IdempotencyKeyReused.class)
  ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused e, HttpServletRequest request) {
    return answer(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_HERGEBRUIKT",
        "Idempotency-Key al gebruikt", "Deze Idempotency-Key hoort bij een eerdere aanlevering met andere inhoud"
            + " (kenmerk " + e.original().getSubmissionId() + "). Gebruik voor elke nieuwe aanlevering een nieuwe"
            + " sleutel.", Map.of("receipt", ReceiptDocuments.document(e.original())), new HttpHeaders()), request);
  }

  @ExceptionHandler(DeliveryNotPublished.class)
  ResponseEntity<ProblemDetail> unavailable(DeliveryNotPublished e, HttpServletRequest request) {
    LOG.error("Submission not published, answered 503: {}", e.getMessage());
    return answer(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "TIJDELIJK_NIET_BESCHIKBAAR",
        "Tijdelijk niet beschikbaar", "De aanlevering kon nu niet worden verwerkt; er is niets opgeslagen. Probeer"
            + " het over " + RETRY_AFTER_UNAVAILABLE_SECONDS + " seconden opnieuw, met dezelfde Idempotency-Key.",
        Map.of(), ApiProblem.retryAfter(RETRY_AFTER_UNAVAILABLE_SECONDS)), request);
  }

  private static ResponseEntity<ProblemDetail> answer(ApiProblem e, HttpServletRequest request) {
    ProblemDetail problem = e.problem();
    return ResponseEntity.status(problem.getStatus()).headers(e.headers())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
