package nl.wijkhub.pages;

import nl.wijkhub.dashboard.DashboardSettings;
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
 * The signal aggregates of a programme's covenants: exact counts for its staff at {@code
 * /dashboard/{programme}/signalen}, protected counts for anyone at {@code /publiek/{programme}/signalen}. One
 * template serves both, so that the public page can only ever show less.
 */
@Controller
class SignalsPage {

  private static final int FIRST_YEAR = 2000;
  private static final int LAST_YEAR = 2100;

  private final OverviewBuilder overviews;
  private final SignalOverviewBuilder signals;
  private final boolean publicSignals;

  SignalsPage(OverviewBuilder overviews, SignalOverviewBuilder signals, DashboardSettings settings) {
    this.overviews = overviews;
    this.signals = signals;
    this.publicSignals = settings.publicSignals();
  }

  @GetMapping("/dashboard/{programme}/signalen")
  String staff(HubPrincipal caller, @PathVariable String programme, @RequestParam(required = false) Integer jaar,
      Model model) {
    Programme known = known(programme);
    if (!caller.maySeeFigure(programme, null)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Alleen het programmabureau van " + known.name()
          + " ziet de signalen van dit programma.");
    }
    model.addAttribute("signalen", signals.build(known, year(jaar), true));
    return "signalen";
  }

  @GetMapping("/publiek/{programme}/signalen")
  String publicPage(@PathVariable String programme, @RequestParam(required = false) Integer jaar, Model model) {
    if (!publicSignals) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Dit programma publiceert geen signaalaantallen.");
    }
    model.addAttribute("signalen", signals.build(known(programme), year(jaar), false));
    return "signalen";
  }

  private Programme known(String programme) {
    return overviews.programme(programme).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "Er is geen programma '" + programme + "'."));
  }

  private static Integer year(Integer asked) {
    if (asked != null && (asked < FIRST_YEAR || asked > LAST_YEAR)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Kies een jaar tussen " + FIRST_YEAR + " en "
          + LAST_YEAR + ".");
    }
    return asked;
  }
}
