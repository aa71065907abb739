package dev.streamwright.app.cli;

import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.errors.FlinkErrors;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one readable paragraph on stderr and an exit code; the
 * full trace goes to the log file only. Users never see a bare stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

  private final Path logFile;

  ErrorReporter(Path logFile) {
    this.logFile = logFile;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    int code;
    String message;
    if (e instanceof PipelineFileException) {
      LOG.info("Invalid pipeline file: {}", e.getMessage(), e);
      code = ExitCodes.INVALID_PIPELINE;
      message = e.getMessage();
    } else if (e instanceof RuntimeFailure) {
      LOG.warn("Runtime failure in '{}'", command.getCommandName(), e);
      code = ExitCodes.RUNTIME_FAILURE;
      String reason = e.getMessage() == null ? "" : e.getMessage().strip();
      message = reason + (reason.endsWith(".") ? " " : ". ") + "Details are in the log: " + logFile;
    } else if (e instanceof InterruptedException) {
      LOG.info("Interrupted", e);
      code = ExitCodes.RUNTIME_FAILURE;
      message = "Interrupted.";
    } else {
      LOG.error("Unexpected failure in '{}'", command.getCommandName(), e);
      code = ExitCodes.RUNTIME_FAILURE;
      message =
          "Streamwright failed unexpectedly: "
              + FlinkErrors.rootMessage(e)
              + ". This is a bug; the full trace is in "
              + logFile
              + ", please include it when you report it.";
    }
    err.println("error: " + message);
    err.flush();
    return code;
  }
}
