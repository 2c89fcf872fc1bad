package nl.wijkhub.pages;

import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.security.HubPrincipal;
import nl.wijkhub.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * A logged-in partner's own page at {@code /partner}: its deliveries and receipts, each checked against the store,
 * its figures and what it still owes. The partner comes from the login, never from the request, so no partner can
 * ask for another's page.
 */
@Controller
class PartnerPage {

  private final ReferenceData reference;
  private final PartnerOverviews overviews;

  PartnerPage(ReferenceData reference, PartnerOverviews overviews) {
    this.reference = reference;
    this.overviews = overviews;
  }

  @GetMapping("/partner")
  String own(HubPrincipal caller, Model model) {
    if (!caller.has(Role.PARTNER)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Deze pagina is alleen voor aanleverende partners.");
    }
    Partner partner = reference.partner(caller.partner()).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.FORBIDDEN, "Uw login hoort bij geen bekende partner; vraag het programmabureau om dit te herstellen."));
    model.addAttribute("partner", overviews.build(partner));
    return "partner";
  }
}
