package nl.wijkhub.monitoring;

/** One record as it was on the indicators topic: where it was, and its key and value bytes untouched. */
record SourceRecord(String topic, int partition, long offset, String key, byte[] value) {

  String position() {
    return topic + "-" + partition + "@" + offset;
  }
}
