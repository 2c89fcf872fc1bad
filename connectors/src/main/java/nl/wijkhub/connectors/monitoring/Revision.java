package nl.wijkhub.connectors.monitoring;

import java.time.Instant;

/**
 * One value in the history of a figure, with its withdrawal if its delivery was withdrawn.
 *
 * @param withdrawalId the id of the withdrawal, or null while the value stands
 * @param withdrawnAt when it was withdrawn, or null while the value stands
 */
public record Revision(StoredObservation value, String withdrawalId, Instant withdrawnAt) {

  public boolean withdrawn() {
    return withdrawalId != null;
  }
}
