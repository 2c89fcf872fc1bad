package nl.wijkhub.delivery;

/** Receives rows one at a time while a delivery streams in. */
@FunctionalInterface
public interface RowSink {
  void accept(RawRow row);
}
