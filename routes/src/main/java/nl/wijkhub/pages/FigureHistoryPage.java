package nl.wijkhub.pages;

import java.util.List;
import nl.wijkhub.monitoring.Withdrawals;
import nl.wijkhub.reference.Indicator;
import nl.wijkhub.reference.Programme;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The corrections of an indicator for the programme's staff at {@code /dashboard/{programme}/geschiedenis}: every
 * delivered value with its delivery, and a form to withdraw a delivery. Staff only, like all history: the public
 * page never shows it, so a figure cannot be differenced against an earlier version.
 */
@Controller
class FigureHistoryPage {

  private final ReferenceData reference;
  private final FigureHistoryViews views;
  private final Withdrawals withdrawals;

  FigureHistoryPage(ReferenceData reference, FigureHistoryViews views, Withdrawals withdrawals) {
    this.reference = reference;
    this.views = views;
    this.withdrawals = withdrawals;
  }

  @GetMapping("/dashboard/{programme}/geschiedenis")
  String history(HubPrincipal caller, @PathVariable String programme, @RequestParam String indicator,
      Model model) {
    Programme known = allowed(caller, programme);
    model.addAttribute("geschiedenis", views.build(known, indicator(known, indicator), null));
    return "geschiedenis";
  }

  /** Withdraws a delivery of this programme and shows the history again, saying what happened. */
  @PostMapping("/dashboard/{programme}/intrekking")
  String withdraw(HubPrincipal caller, @PathVariable String programme, @RequestParam String indicator,
      @RequestParam String aanlevering, Model model) {
    Programme known = allowed(caller, programme);
    Indicator shown = indicator(known, indicator);
    if (!withdrawals.programmesOf(aanlevering).equals(List.of(known.id()))) {
      // Unknown, another programme's or of several: the same 404, which never repeats the id it was given.
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Deze aanlevering heeft geen cijfers in "
          + known.name() + ".");
    }
    String message;
    try {
      Withdrawals.Outcome outcome = withdrawals.withdraw(aanlevering, Withdrawals.Withdrawer.staff(caller.name()));
      message = outcome.earlier() ? "Aanlevering " + aanlevering + " was al ingetrokken."
          : "Aanlevering " + aanlevering + " is ingetrokken: " + outcome.receipt().getAccepted() + " cijfer(s) tellen"
              + " niet meer mee; waar er een vorige aanlevering is, telt die weer. De overzichten volgen binnen"
              + " enkele seconden.";
    } catch (Withdrawals.Refused e) {
      message = "Niet ingetrokken: " + e.getMessage();
    }
    model.addAttribute("geschiedenis", views.build(known, shown, message));
    return "geschiedenis";
  }

  private Programme allowed(HubPrincipal caller, String programme) {
    Programme known = reference.programmes().stream().filter(p -> p.id().equals(programme)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "Er is geen programma '" + programme + "'."));
    if (!caller.maySeeFigure(programme, null)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Alleen het programmabureau van " + known.name()
          + " ziet de geschiedenis van de cijfers.");
    }
    return known;
  }

  private Indicator indicator(Programme programme, String code) {
    return reference.indicator(programme.id(), code).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "Programma " + programme.name() + " heeft geen indicator '" + code + "'."));
  }
}
