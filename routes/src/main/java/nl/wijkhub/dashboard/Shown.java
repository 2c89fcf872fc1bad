package nl.wijkhub.dashboard;

/** What a published cell shows after suppression. */
public enum Shown {
  /** The value itself (a range when a part was withheld at source). */
  VALUE,
  /** A small number, shown as "&lt;threshold". */
  SMALL,
  /** Hidden although not small, so that no small number elsewhere can be computed from it; shown as "×". */
  HIDDEN
}
