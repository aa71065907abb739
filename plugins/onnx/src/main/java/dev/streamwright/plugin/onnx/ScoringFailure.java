package dev.streamwright.plugin.onnx;

/** ONNX Runtime could not score a batch; the message names the model and the file. */
final class ScoringFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ScoringFailure(String message, Throwable cause) {
    super(message, cause);
  }

  static ScoringFailure of(ScoringSpec spec, int rows, Throwable cause) {
    return new ScoringFailure(
        "Model '"
            + spec.model()
            + "' (provider 'onnx'): ONNX Runtime failed to score a batch of "
            + rows
            + " rows with "
            + spec.path()
            + ": "
            + cause.getMessage(),
        cause);
  }
}
