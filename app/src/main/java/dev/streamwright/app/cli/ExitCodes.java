package dev.streamwright.app.cli;

/** The exit codes of the {@code streamwright} command, which CI scripts branch on. */
public final class ExitCodes {

  /** Everything worked. */
  public static final int OK = 0;

  /** The pipeline is invalid, or its file is missing or not a pipeline. */
  public static final int INVALID_PIPELINE = 1;

  /** The command line itself is wrong: unknown option, missing argument, bad value. */
  public static final int USAGE = 2;

  /** The job failed, the runtime could not run it, or Streamwright itself failed. */
  public static final int RUNTIME_FAILURE = 3;

  private ExitCodes() {}
}
