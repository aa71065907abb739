package dev.streamwright.app.workspace;

/**
 * One column's drift reference as the workspace stores it. Persisted: class and field names are
 * part of the store's type dictionary (decision 0005).
 */
final class StoredReference {

  /** The profile in its plain JSON form ({@code {"kind":"numeric","edges":[...],...}}). */
  String profileJson;

  /** Where it came from, in words (a file's name, a frozen window's span). */
  String source;

  /** When it was set, epoch milliseconds. */
  long setAt;
}
