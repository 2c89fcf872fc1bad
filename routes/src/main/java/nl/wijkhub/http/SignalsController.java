package nl.wijkhub.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import nl.wijkhub.delivery.Admission;
import nl.wijkhub.delivery.Delivery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signals by API: a JSON list of signals with the columns of the signal template, taken through the same delivery
 * path, keys, Idempotency-Key, dry run and problem answers as counts. The receipt names each accepted signal's id,
 * which a correction or withdrawal refers to; it never quotes what was sent.
 */
@RestController
@RequestMapping("/api/v1/signals")
class SignalsController {

  private final SubmissionsController deliveries;
  private final Admission admission;

  SignalsController(SubmissionsController deliveries, Admission admission) {
    this.deliveries = deliveries;
    this.admission = admission;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> signal(HttpServletRequest request,
      @RequestAttribute(PartnerAuthentication.PARTNER) String partnerId,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestHeader(name = SubmissionsController.IDEMPOTENCY_KEY, required = false) String idempotencyKey)
      throws IOException {
    if (admission.isTooLarge(request.getContentLengthLong())) {
      throw SubmissionsController.tooLarge(admission.tooLarge(request.getContentLengthLong()).message());
    }
    return deliveries.submit(request.getInputStream(), partnerId, "signalen.json", dryRun, idempotencyKey,
        Delivery.Kind.SIGNALS);
  }
}
