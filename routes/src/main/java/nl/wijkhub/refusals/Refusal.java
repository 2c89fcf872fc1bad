package nl.wijkhub.refusals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a refusal by status says, in Dutch: the problem's code, title and detail for the API. The detail names the
 * kind of fault and where to read the right form; it never quotes the request, which may be hostile.
 */
record Refusal(int status, String code, String title, String detail) {

  private static final String SEE = " Zie /api/v1/openapi.json voor de adressen en de vorm van de verzoeken.";

  /** The refusal of this status; an unlisted one by its class (4xx the request's fault, 5xx the hub's). */
  static Refusal of(int status) {
    return switch (status) {
      case 400 -> new Refusal(400, "VERZOEK_ONGELDIG", "Ongeldig verzoek", "Het adres of de parameters van dit"
          + " verzoek zijn ongeldig, bijvoorbeeld een gecodeerde schuine streep (%2F), een puntkomma, een"
          + " nul-teken, '..' of een ongeldige %-codering." + SEE);
      case 401 -> new Refusal(401, "NIET_GEAUTHENTICEERD", "Niet geauthenticeerd", "Stuur de header"
          + " 'Authorization: Bearer <api-sleutel>' (partners) of log in (medewerkers).");
      case 403 -> new Refusal(403, "GEEN_TOEGANG", "Geen toegang", "U heeft geen toegang tot deze gegevens of"
          + " functie.");
      case 404 -> new Refusal(404, "NIET_GEVONDEN", "Niet gevonden", "Op dit adres is niets te vinden." + SEE);
      case 405 -> new Refusal(405, "METHODE_NIET_TOEGESTAAN", "Methode niet toegestaan", "Dit adres kent deze"
          + " HTTP-methode niet; de header Allow noemt de methoden die het wel kent." + SEE);
      case 406 -> new Refusal(406, "ANTWOORDFORMAAT_ONBEKEND", "Antwoordformaat niet beschikbaar", "Dit adres kan"
          + " niet antwoorden in het formaat dat de header Accept vraagt." + SEE);
      case 413 -> new Refusal(413, "BESTAND_TE_GROOT", "Aanlevering te groot", "Het verzoek is groter dan de hub"
          + " aanneemt.");
      case 414 -> new Refusal(414, "ADRES_TE_LANG", "Adres te lang", "Het adres van dit verzoek is langer dan de"
          + " hub aanneemt." + SEE);
      case 415 -> new Refusal(415, "FORMAAT_ONBEKEND", "Formaat niet ondersteund", "Dit adres neemt de inhoud niet"
          + " aan in het formaat dat de header Content-Type noemt." + SEE);
      case 429 -> new Refusal(429, "TE_VEEL_VERZOEKEN", "Te veel verzoeken", "Wacht het aantal seconden van de"
          + " header Retry-After en probeer het dan opnieuw.");
      case 503 -> new Refusal(503, "TIJDELIJK_NIET_BESCHIKBAAR", "Tijdelijk niet beschikbaar", "De hub kan dit nu"
          + " niet doen. Probeer het over een minuut opnieuw.");
      default -> status >= 500
          ? new Refusal(status, "INTERNE_FOUT", "Interne fout", "Er ging iets mis in de hub. Probeer het opnieuw;"
              + " blijft het mislukken, meld het dan bij de beheerder met het tijdstip.")
          : new Refusal(status, "VERZOEK_ONGELDIG", "Ongeldig verzoek", "De hub kan dit verzoek niet uitvoeren."
              + SEE);
    };
  }

  /**
   * The problem's fields as the API's own problems carry them ({@code type} left out: about:blank, as Spring writes
   * it), without {@code instance}: that would be the path asked for, which a malformed request must not see
   * repeated.
   */
  Map<String, Object> problem() {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("code", code);
    return problem;
  }

}
