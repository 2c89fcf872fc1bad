package nl.wijkhub.retention;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.privacy.DataKeys;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.retention.CovenantPeriods.CovenantPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crypto-shreds the signals whose covenant retention has passed: the data key of a (covenant, month) is destroyed
 * once the retention, counted from the last day of that month, is over at {@code now}. Every copy sealed under it
 * (the covenant's topic, a match's contacts, a backup of either) becomes unreadable at once; the topic's own
 * retention removes the ciphertext later. The longest retention of the covenant versions valid in the month
 * decides ({@link CovenantPeriods}). Each destruction is a processing-log step ({@code vernietigd}), logged and confirmed before the key
 * goes, so that no key is gone without its record (a crash in between destroys it on the next run).
 */
public final class SignalKeyRetention implements Purge {

  static final String STEP = "vernietigd";
  static final String REASON = "BEWAARTERMIJN_VERSTREKEN";
  private static final Logger LOG = LoggerFactory.getLogger(SignalKeyRetention.class);

  private final Covenants covenants;
  private final CovenantPeriods periods;
  private final DataKeys dataKeys;
  private final ProcessingLog log;

  public SignalKeyRetention(Covenants covenants, DataKeys dataKeys, ProcessingLog log) {
    this.covenants = covenants;
    this.periods = new CovenantPeriods(covenants);
    this.dataKeys = dataKeys;
    this.log = log;
  }

  @Override
  public String area() {
    return "signal data keys";
  }

  @Override
  public int purge(Instant now) {
    return periods.purgeExpired(keptPeriods(), now, log, STEP, expired -> {
      dataKeys.destroy(expired.covenant(), expired.period());
      // Key names hold no personal data; the period is what an operator checks against the covenant.
      LOG.info("Retention: crypto-shredded the data key of covenant {} for {}", expired.covenant(),
          expired.period());
      return 1;
    });
  }

  private List<CovenantPeriod> keptPeriods() {
    List<CovenantPeriod> kept = new ArrayList<>();
    for (String covenant : covenants.ids()) {
      for (YearMonth period : dataKeys.keptPeriods(covenant)) {
        kept.add(new CovenantPeriod(covenant, period));
      }
    }
    return kept;
  }

}
