package nl.wijkhub.multiteam.inbox;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.wijkhub.multiteam.inbox.InboxViews.MatchItem;
import nl.wijkhub.multiteam.inbox.InboxViews.OpenedSignal;
import nl.wijkhub.multiteam.inbox.InboxViews.SignalItem;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox as an API for the MultiTeam's own systems, under {@code /api/v1/multiteam/{covenant}}: lists without
 * identity, one item opened (and the view logged) at a time, and its status. Only members of the covenant with a
 * second factor get here (AccessRules, then {@link Inbox} checks the covenant).
 */
@RestController
class InboxApi {

  private final Inbox inbox;

  InboxApi(Inbox inbox) {
    this.inbox = inbox;
  }

  /** The body of a status change: one of NIEUW, IN_BEHANDELING, AFGESLOTEN. */
  record StatusChange(String status) {}

  @GetMapping("/api/v1/multiteam/{covenant}/signalen")
  ResponseEntity<Map<String, List<SignalItem>>> signals(HubPrincipal caller, @PathVariable String covenant) {
    return unstored(Map.of("signalen", inbox.signals(caller, covenant)));
  }

  @GetMapping("/api/v1/multiteam/{covenant}/signalen/{signalId}")
  ResponseEntity<OpenedSignal> signal(HubPrincipal caller, @PathVariable String covenant,
      @PathVariable String signalId) {
    return unstored(inbox.openSignal(caller, covenant, signalId));
  }

  @PutMapping(path = "/api/v1/multiteam/{covenant}/signalen/{signalId}/status",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> signalStatus(HubPrincipal caller, @PathVariable String covenant,
      @PathVariable String signalId, @RequestBody StatusChange change) {
    inbox.changeStatus(caller, covenant, ItemType.SIGNAAL, signalId, status(change));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/multiteam/{covenant}/matches")
  ResponseEntity<Map<String, List<MatchItem>>> matches(HubPrincipal caller, @PathVariable String covenant) {
    return unstored(Map.of("matches", inbox.matches(caller, covenant)));
  }

  @GetMapping("/api/v1/multiteam/{covenant}/matches/{matchId}")
  ResponseEntity<MatchItem> match(HubPrincipal caller, @PathVariable String covenant,
      @PathVariable String matchId) {
    return unstored(inbox.openMatch(caller, covenant, matchId));
  }

  @PutMapping(path = "/api/v1/multiteam/{covenant}/matches/{matchId}/status",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> matchStatus(HubPrincipal caller, @PathVariable String covenant,
      @PathVariable String matchId, @RequestBody StatusChange change) {
    inbox.changeStatus(caller, covenant, ItemType.MATCH, matchId, status(change));
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(InboxRefused.class)
  ResponseEntity<ProblemDetail> refused(InboxRefused e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    problem.setTitle(e.title());
    problem.setProperty("code", e.code());
    return ResponseEntity.status(e.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable() {
    return refused(invalidStatus());
  }

  private static ItemStatus status(StatusChange change) {
    if (change == null || change.status() == null) {
      throw invalidStatus();
    }
    return Arrays.stream(ItemStatus.values()).filter(s -> s.name().equals(change.status())).findFirst()
        .orElseThrow(InboxApi::invalidStatus);
  }

  private static InboxRefused invalidStatus() {
    return new InboxRefused(HttpStatus.BAD_REQUEST, "STATUS_ONGELDIG", "Ongeldige status",
        "Stuur {\"status\": \"...\"} met NIEUW, IN_BEHANDELING of AFGESLOTEN.");
  }

  /** Inbox answers name people: no cache may keep them. */
  private static <T> ResponseEntity<T> unstored(T body) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }
}
