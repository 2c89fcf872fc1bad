package nl.wijkhub.pages;

import java.util.List;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who still owes which figure, for the programme's staff at {@code /dashboard/{programme}/volledigheid}: per partner,
 * indicator and period arrived (when, through which channel), late, missing or not yet due.
 */
@Controller
class CompletenessPage {

  private final OverviewBuilder overviews;
  private final CompletenessViews views;

  CompletenessPage(OverviewBuilder overviews, CompletenessViews views) {
    this.overviews = overviews;
    this.views = views;
  }

  @GetMapping("/dashboard/{programme}/volledigheid")
  String matrix(HubPrincipal caller, @PathVariable String programme, @RequestParam(required = false) Integer jaar,
      Model model) {
    Programme known = overviews.programme(programme).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "Er is geen programma '" + programme + "'."));
    if (!caller.maySeeFigure(programme, null)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Alleen het programmabureau van " + known.name()
          + " ziet wie nog cijfers moet aanleveren.");
    }
    List<Integer> years = views.years(programme);
    if (jaar != null && !years.contains(jaar)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Kies een jaar waarin cijfers verwacht worden: "
          + years.get(0) + " tot en met " + years.get(years.size() - 1) + ".");
    }
    model.addAttribute("volledigheid", views.build(known, jaar == null ? years.get(years.size() - 1) : jaar));
    return "volledigheid";
  }
}
