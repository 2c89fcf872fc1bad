package nl.wijkhub.multiteam.inbox;

import java.util.Arrays;
import java.util.List;
import nl.wijkhub.security.HubPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox as Dutch pages under {@code /multiteam}: the list, one item opened, and a form to set its status.
 * Plain links and forms, no script: it works without JavaScript. Opening an item is a GET on its own page, so
 * that the list itself never decrypts anything.
 */
@Controller
class InboxPages {

  private final Inbox inbox;

  InboxPages(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/multiteam")
  String start(HubPrincipal caller) {
    List<String> own = inbox.covenantsOf(caller);
    if (own.isEmpty()) {
      throw new InboxRefused(HttpStatus.FORBIDDEN, "GEEN_CONVENANT", "Geen toegang",
          "U bent van geen MultiTeam lid.");
    }
    return "redirect:/multiteam/" + own.get(0);
  }

  @GetMapping("/multiteam/{covenant}")
  String list(HubPrincipal caller, @PathVariable String covenant, Model model) {
    model.addAttribute("signalen", inbox.signals(caller, covenant));
    model.addAttribute("matches", inbox.matches(caller, covenant));
    common(caller, covenant, model);
    return "inbox";
  }

  @GetMapping("/multiteam/{covenant}/signalen/{signalId}")
  String signal(HubPrincipal caller, @PathVariable String covenant, @PathVariable String signalId, Model model) {
    model.addAttribute("geopend", inbox.openSignal(caller, covenant, signalId));
    common(caller, covenant, model);
    return "inbox-signaal";
  }

  @GetMapping("/multiteam/{covenant}/matches/{matchId}")
  String match(HubPrincipal caller, @PathVariable String covenant, @PathVariable String matchId, Model model) {
    model.addAttribute("match", inbox.openMatch(caller, covenant, matchId));
    common(caller, covenant, model);
    return "inbox-match";
  }

  @PostMapping("/multiteam/{covenant}/signalen/{signalId}/status")
  String signalStatus(HubPrincipal caller, @PathVariable String covenant, @PathVariable String signalId,
      @RequestParam String status, RedirectAttributes redirect) {
    ItemStatus chosen = status(status);
    inbox.changeStatus(caller, covenant, ItemType.SIGNAAL, signalId, chosen);
    redirect.addFlashAttribute("gewijzigd", "De status van het signaal is nu: " + chosen.label() + ".");
    return "redirect:/multiteam/" + covenant;
  }

  @PostMapping("/multiteam/{covenant}/matches/{matchId}/status")
  String matchStatus(HubPrincipal caller, @PathVariable String covenant, @PathVariable String matchId,
      @RequestParam String status, RedirectAttributes redirect) {
    ItemStatus chosen = status(status);
    inbox.changeStatus(caller, covenant, ItemType.MATCH, matchId, chosen);
    redirect.addFlashAttribute("gewijzigd", "De status van de match is nu: " + chosen.label() + ".");
    return "redirect:/multiteam/" + covenant;
  }

  private void common(HubPrincipal caller, String covenant, Model model) {
    model.addAttribute("convenant", covenant);
    model.addAttribute("convenantNaam", inbox.covenantName(covenant));
    model.addAttribute("convenanten", inbox.covenantsOf(caller));
    model.addAttribute("statussen", ItemStatus.values());
  }

  private static ItemStatus status(String value) {
    return Arrays.stream(ItemStatus.values()).filter(s -> s.name().equals(value)).findFirst()
        .orElseThrow(() -> new InboxRefused(HttpStatus.BAD_REQUEST, "STATUS_ONGELDIG", "Ongeldige status",
            "Kies nieuw, in behandeling of afgesloten."));
  }
}
