package nl.wijkhub.completeness;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides which reminder e-mails go out today. A figure that has not arrived is reminded on each configured offset
 * from its deadline (e.g. 14 and 3 days before, 1 and 7 days after); when the hub missed some of those days only the
 * latest is sent. Per partner at most one digest a day, none once the figure arrived, and none whose key the ledger
 * already holds, so a restart on the same day sends nothing again.
 */
public final class ReminderPlanner {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

  private final List<Period> offsets;
  private final ReminderLedger ledger;

  public ReminderPlanner(List<Period> offsets, ReminderLedger ledger) {
    this.offsets = offsets.stream().sorted(java.util.Comparator.comparing((Period p) -> LocalDate.EPOCH.plus(p)))
        .toList();
    this.ledger = ledger;
  }

  /**
   * @param names the partner's and indicator's names for the text (partner id or indicator code to name)
   */
  public List<ReminderDigest> plan(CompletenessMatrix matrix, LocalDate today, Function<String, String> partnerNames,
      Function<String, String> indicatorNames) {
    Map<String, List<Expectation>> owedByPartner = new LinkedHashMap<>();
    Map<String, List<String>> keysByPartner = new LinkedHashMap<>();
    for (CompletenessMatrix.Cell cell : matrix.cells()) {
      if (cell.state() != CompletenessMatrix.State.OPEN && cell.state() != CompletenessMatrix.State.MISSING) {
        continue;
      }
      Expectation e = cell.expected();
      Period latest = null;
      for (Period offset : offsets) {
        if (!e.due().plus(offset).isAfter(today)) {
          latest = offset;
        }
      }
      if (latest == null) {
        continue;
      }
      String key = e.partner() + '|' + e.indicator() + '|' + e.period() + '|' + latest;
      if (!ledger.sent(key)) {
        owedByPartner.computeIfAbsent(e.partner(), p -> new ArrayList<>()).add(e);
        keysByPartner.computeIfAbsent(e.partner(), p -> new ArrayList<>()).add(key);
      }
    }
    List<ReminderDigest> digests = new ArrayList<>();
    owedByPartner.forEach((partner, owed) -> {
      String digestKey = partner + '|' + today;
      if (!ledger.sent(digestKey)) {
        digests.add(new ReminderDigest(partner, today, digestKey, keysByPartner.get(partner), owed,
            "Herinnering: cijfers voor het programma aanleveren",
            body(partnerNames.apply(partner), owed, today, indicatorNames)));
      }
    });
    return digests;
  }

  /** The Dutch text: what is owed, by when, and how to deliver it. */
  static String body(String partnerName, List<Expectation> owed, LocalDate today,
      Function<String, String> indicatorNames) {
    StringBuilder text = new StringBuilder("Beste ").append(partnerName).append(",\n\n")
        .append("Van u hebben we de volgende cijfers nog niet ontvangen:\n\n");
    for (Expectation e : owed) {
      long days = ChronoUnit.DAYS.between(today, e.due());
      String when = days > 0 ? "uiterlijk " + DATE.format(e.due()) + " (nog " + days + (days == 1 ? " dag)" : " dagen)")
          : days == 0 ? "uiterlijk vandaag, " + DATE.format(e.due())
          : "uiterlijk " + DATE.format(e.due()) + " (" + -days + (days == -1 ? " dag" : " dagen") + " te laat)";
      text.append("- ").append(indicatorNames.apply(e.indicator())).append(" (").append(e.indicator())
          .append("), periode ").append(e.period()).append(e.followUp() ? ", vervolgmeting" : "").append(": ")
          .append(when).append('\n');
    }
    return text.append("""

        U kunt de cijfers aanleveren zoals u gewend bent: in uw map, via SFTP, per e-mail of via de API (zie \
        docs/aanleveren.md). Heeft u ze net verstuurd, dan kunt u dit bericht negeren. U krijgt hooguit één \
        herinnering per dag.

        Met vriendelijke groet,
        Het programmabureau
        """).toString();
  }
}
