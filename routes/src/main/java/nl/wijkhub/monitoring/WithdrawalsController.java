package nl.wijkhub.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.PublishFailed;
import nl.wijkhub.security.Denials;
import nl.wijkhub.security.HubPrincipal;
import nl.wijkhub.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner withdraws one of its own deliveries of counts through the API; its previous values count again. The
 * answer is the withdrawal's receipt, the same for a repeated call. Who may call it at all is the access rules'
 * business (partners only); that a partner withdraws only its own deliveries is checked here, and another partner's
 * delivery is answered exactly as an unknown one, so that a partner cannot learn which ids are someone's delivery.
 */
@RestController
class WithdrawalsController {

  private static final long RETRY_AFTER_SECONDS = 30;

  private final Withdrawals withdrawals;
  private final Denials denials;

  WithdrawalsController(Withdrawals withdrawals, Denials denials) {
    this.withdrawals = withdrawals;
    this.denials = denials;
  }

  @PostMapping("/api/v1/submissions/{submissionId}/intrekking")
  ResponseEntity<Map<String, Object>> withdraw(HubPrincipal caller, @PathVariable String submissionId) {
    if (!caller.has(Role.PARTNER)) {
      // The access rules let only partners in; should they ever change, the security chain's 403 answers.
      throw new AccessDeniedException("Only partners withdraw through the API");
    }
    Withdrawals.Outcome outcome = withdrawals.withdraw(submissionId, Withdrawals.Withdrawer.partner(caller.partner()));
    return ResponseEntity.ok(document(outcome, submissionId));
  }

  /** The withdrawal's receipt as the partner reads it. */
  static Map<String, Object> document(Withdrawals.Outcome outcome, String submissionId) {
    SubmissionReceipt r = outcome.receipt();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("withdrawalId", r.getSubmissionId());
    doc.put("withdrawnSubmissionId", submissionId);
    doc.put("partner", r.getPartner());
    doc.put("channel", r.getChannel());
    doc.put("withdrawnFigures", r.getAccepted());
    doc.put("withdrawnAt", r.getReceivedAt().toString());
    doc.put("alreadyWithdrawn", outcome.earlier());
    return doc;
  }

  @ExceptionHandler(Withdrawals.Refused.class)
  ResponseEntity<ProblemDetail> refused(Withdrawals.Refused e, HttpServletRequest request) {
    if (e.reason() == Withdrawals.Refused.Reason.NOT_YOURS) {
      denials.answeredAsUnknown(request);
    }
    HttpStatus status = switch (e.reason()) {
      case NOT_FOUND, NOT_YOURS -> HttpStatus.NOT_FOUND;
      case NOT_YET, NOT_POSSIBLE -> HttpStatus.CONFLICT;
    };
    HttpHeaders headers = new HttpHeaders();
    if (e.reason() == Withdrawals.Refused.Reason.NOT_YET) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
    }
    return ResponseEntity.status(status).headers(headers)
        .body(problem(status, e.code(), "Intrekken niet gelukt", e.getMessage()));
  }

  /** Kafka did not take the withdrawal; nothing of it counts, and the same call may simply be repeated. */
  @ExceptionHandler(PublishFailed.class)
  ResponseEntity<ProblemDetail> notPublished(PublishFailed e) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(headers)
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "TIJDELIJK_NIET_BESCHIKBAAR", "Tijdelijk niet beschikbaar",
            "De intrekking kon nu niet worden vastgelegd. Probeer het later opnieuw; dezelfde intrekking twee keer"
                + " doen kan geen kwaad."));
  }

  private static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setProperty("code", code);
    return problem;
  }
}
