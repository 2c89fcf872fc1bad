package nl.wijkhub.monitoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.events.IndicatorObservation;

/**
 * The one way records from the indicators topic get into the store, for the consumer, the dead-letter replay and
 * the rebuild alike. A batch is stored at once; when the database refuses it for a record's content, its records
 * are stored one at a time and each refused one is handed to the caller's {@link Refusals} with its reason. A
 * failure that is not the record's (the database is unreachable) is thrown, so the caller retries the whole batch.
 * Writes are serialised: two writers inserting the same new key at once would otherwise collide. What is committed
 * is handed to the {@link LiveFigureSource}, so the dashboard's figures follow the store without reading it again.
 */
final class StoreWriter {

  /** What the caller does with a record the store cannot take. */
  @FunctionalInterface
  interface Refusals {
    void refused(SourceRecord record, String reason);
  }

  private final ObservationStore store;
  private final ObservationDecoder decoder;
  private final LiveFigureSource live;
  /** True while {@link #replaceAll} refills the store: its batches are not committed until the refill ends. */
  private boolean refilling;

  StoreWriter(ObservationStore store, ObservationDecoder decoder, LiveFigureSource live) {
    this.store = store;
    this.decoder = decoder;
    this.live = live;
  }

  /** Stores what it can and returns how many records were stored. */
  synchronized int write(List<SourceRecord> records, Refusals refusals) {
    List<SourceRecord> decoded = new ArrayList<>(records.size());
    List<IndicatorObservation> batch = new ArrayList<>(records.size());
    for (SourceRecord record : records) {
      try {
        batch.add(decoder.decode(record));
        decoded.add(record);
      } catch (RuntimeException e) {
        refusals.refused(record, StoreFailures.reason(e));
      }
    }
    try {
      committed(batch, store.store(batch));
      return batch.size();
    } catch (RuntimeException e) {
      retryUnlessRecordFault(e, batch.size());
    }
    List<IndicatorObservation> stored = new ArrayList<>(batch.size());
    Set<String> recomputed = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      try {
        recomputed.addAll(store.store(List.of(batch.get(i))));
        stored.add(batch.get(i));
      } catch (RuntimeException e) {
        retryUnlessRecordFault(e, 1);
        refusals.refused(decoded.get(i), StoreFailures.reason(e));
      }
    }
    committed(stored, recomputed);
    return stored.size();
  }

  /**
   * Empties the store and refills it in one transaction; other writers wait until it is committed. The live
   * figures forget everything afterwards, committed or not, and are read again from the store.
   */
  synchronized void replaceAll(Runnable refill) {
    refilling = true;
    try {
      store.replaceAll(refill);
    } finally {
      refilling = false;
      live.forget();
    }
  }

  /**
   * Hands the committed values to the live figures; a programme in which a withdrawal made the store recompute a
   * partner's value is read again from the store instead, since the value that counts again is not in the batch.
   */
  private void committed(List<IndicatorObservation> batch, Set<String> recomputed) {
    if (!refilling) {
      live.stored(batch);
      live.forget(recomputed);
    }
  }

  /** Database errors can quote the rows they failed on; only the reason leaves this method. */
  private static void retryUnlessRecordFault(RuntimeException e, int records) {
    if (!StoreFailures.isRecordFault(e)) {
      throw new IllegalStateException("Storing " + records + " observations failed (" + StoreFailures.reason(e)
          + "); they will be retried");
    }
  }
}
