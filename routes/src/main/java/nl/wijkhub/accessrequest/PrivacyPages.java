package nl.wijkhub.accessrequest;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy officer's pages in Dutch: a form for the BSN (sent by POST, so it stays out of URLs, history and
 * access logs), the answer as a table, its CSV for the letter, and the register as CSV. Same answer, same logging
 * as the API.
 */
@Controller
class PrivacyPages {

  private static final String PAGE = "privacy/inzageverzoek";

  private final AccessRequests requests;
  private final ProcessingRegister register;

  PrivacyPages(AccessRequests requests, ProcessingRegister register) {
    this.requests = requests;
    this.register = register;
  }

  @GetMapping("/privacy")
  String form(HubPrincipal officer, Model model) {
    model.addAttribute("gemeenten", String.join(", ", officer.municipalities().stream().sorted().toList()));
    return PAGE;
  }

  @PostMapping("/privacy/inzageverzoek")
  String answer(HubPrincipal officer, @RequestParam(required = false) String bsn, Model model,
      HttpServletResponse response) {
    form(officer, model);
    Optional<String> valid = BsnInput.parse(bsn);
    if (valid.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("fout", BsnInput.INVALID);
      return PAGE;
    }
    model.addAttribute("bsn", valid.get());
    model.addAttribute("antwoord", requests.answer(officer, valid.get(), AccessRequests.Use.VIEW));
    return PAGE;
  }

  @PostMapping("/privacy/inzageverzoek.csv")
  Object export(HubPrincipal officer, @RequestParam(required = false) String bsn, Model model,
      HttpServletResponse response) {
    Optional<String> valid = BsnInput.parse(bsn);
    if (valid.isEmpty()) {
      return answer(officer, bsn, model, response);
    }
    AccessAnswer answer = requests.answer(officer, valid.get(), AccessRequests.Use.EXPORT);
    return AccessRequestController.download(PrivacyCsv.answer(answer), "inzageverzoek.csv");
  }

  @GetMapping("/privacy/verwerkingsregister.csv")
  ResponseEntity<byte[]> register(HubPrincipal officer) {
    return AccessRequestController.download(PrivacyCsv.register(register.of(officer)),
        ProcessingRegister.fileName(officer));
  }
}
