package nl.wijkhub.signalcounts;

/**
 * What the counts hold of one signal until the covenant's retention for its month ends: when its latest version was
 * routed, whether it was withdrawn, and its cell. A withdrawn signal keeps its cell, not to count in it, but so that
 * its entry too goes when that month's retention ends. Kept as {@code routedAt|cell key} while it counts and
 * {@code routedAt||cell key} once withdrawn (a cell key starts with the covenant, never with the separator).
 */
record HeldSignal(long routedAt, boolean withdrawn, SignalCell cell) {

  String encode() {
    return routedAt + "|" + (withdrawn ? "|" : "") + cell.key();
  }

  static HeldSignal decode(String encoded) {
    String[] parts = encoded.split("\\|", 2);
    boolean withdrawn = parts[1].startsWith("|");
    return new HeldSignal(Long.parseLong(parts[0]), withdrawn,
        SignalCell.parse(withdrawn ? parts[1].substring(1) : parts[1]));
  }
}
