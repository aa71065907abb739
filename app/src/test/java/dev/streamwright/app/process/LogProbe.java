package dev.streamwright.app.process;

import org.apache.logging.log4j.LogManager;

/** A child JVM's main for {@link LogSetupTest}: logs one warning with the app's log setup. */
public final class LogProbe {

  /** The line the probe logs. */
  static final String LINE = "log probe: one warning";

  private LogProbe() {}

  public static void main(String[] args) {
    LogManager.getLogger("dev.streamwright.probe").warn(LINE);
    LogManager.shutdown();
  }
}
