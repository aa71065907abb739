package dev.streamwright.app.ui.workspace;

import dev.streamwright.app.ui.dialogs.DialogService;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.runtime.codec.PipelineFileException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the user what went wrong in words, in a dialog; the stack trace goes to the log only. */
final class UserErrors {

  private static final Logger LOG = LoggerFactory.getLogger(UserErrors.class);

  private UserErrors() {}

  /**
   * Shows the error. Errors written for users (a malformed file, a workspace refusal) show their
   * own message; anything else says what failed and points to the log.
   */
  static void report(DialogService dialogs, String title, String header, Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    String message;
    if (e instanceof PipelineFileException
        || e instanceof WorkspaceException
        || e instanceof UncheckedIOException) {
      LOG.warn("{}: {}", header, e.getMessage(), e);
      message = e.getMessage();
    } else {
      LOG.error("{}", header, e);
      message =
          header
              + " ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "). The log has the details.";
    }
    dialogs.showError(title, header, message);
  }
}
