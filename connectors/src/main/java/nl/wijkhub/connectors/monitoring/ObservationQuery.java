package nl.wijkhub.connectors.monitoring;

/**
 * Which current values a caller asks for; a null or blank field matches everything. The API builds it from the
 * request, and whoever decides who may see what narrows it with {@link #withProgramme} or {@link #withPartner}
 * before it reaches the store: the filters are the only way to the rows.
 */
public record ObservationQuery(String programme, String indicator, String wijk, String period, String partner) {

  public static ObservationQuery all() {
    return new ObservationQuery(null, null, null, null, null);
  }

  /** The same query limited to one programme, whatever programme was asked for. */
  public ObservationQuery withProgramme(String only) {
    return new ObservationQuery(only, indicator, wijk, period, partner);
  }

  /** The same query limited to one partner's values; the figures then sum that partner's values only. */
  public ObservationQuery withPartner(String only) {
    return new ObservationQuery(programme, indicator, wijk, period, only);
  }
}
