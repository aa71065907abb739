package dev.streamwright.app.workspace;

/**
 * One saved version of a pipeline in the store. Persisted (see {@link WorkspaceRoot}).
 *
 * <p>The pipeline is kept as its canonical JSON text ({@link CompressedText}), not as model
 * objects, so changing the model classes never needs a store migration.
 */
final class StoredVersion {

  final int number;
  final long savedAtMillis;
  final String summary;
  final byte[] text;

  StoredVersion(int number, long savedAtMillis, String summary, byte[] text) {
    this.number = number;
    this.savedAtMillis = savedAtMillis;
    this.summary = summary;
    this.text = text;
  }
}
