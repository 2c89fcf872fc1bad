package nl.wijkhub.multiteam.inbox;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The inbox says no, in Dutch, with a stable code: the API answers it as a problem, a page as the error page with
 * its status.
 */
class InboxRefused extends ResponseStatusException {

  private final String code;
  private final String title;

  InboxRefused(HttpStatus status, String code, String title, String detail) {
    super(status, detail);
    this.code = code;
    this.title = title;
  }

  String code() {
    return code;
  }

  String title() {
    return title;
  }
}
