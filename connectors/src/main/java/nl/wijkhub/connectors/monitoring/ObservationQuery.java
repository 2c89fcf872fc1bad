package nl.wijkhub.connectors.monitoring;

/** Filter on current values; a null field matches everything. */
public record ObservationQuery(String programme, String indicator, String wijk, String period) {

  public static ObservationQuery all() {
    return new ObservationQuery(null, null, null, null);
  }
}
