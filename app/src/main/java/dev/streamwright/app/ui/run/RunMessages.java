package dev.streamwright.app.ui.run;

import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.sandbox.SandboxException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How the studio's Run words job ids and failures for the status bar and Problems. */
final class RunMessages {

  private RunMessages() {}

  static String shortId(String jobId) {
    return jobId == null ? "" : jobId.length() > 8 ? jobId.substring(0, 8) : jobId;
  }

  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** The message a user can act on: the runtime's own words, else the exception's. */
  static String readable(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof RuntimeFailure || e instanceof SandboxException) {
      return e.getMessage();
    }
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + message + " (the log has the details)";
  }
}
