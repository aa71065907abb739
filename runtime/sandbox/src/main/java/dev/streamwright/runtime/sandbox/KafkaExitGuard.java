package dev.streamwright.runtime.sandbox;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a fatal fault inside the embedded broker from ending the whole process. Kafka's server code
 * calls {@link Exit#exit} or {@link Exit#halt} when it meets a fault it cannot survive (a corrupt
 * metadata log, a full disk); in a dedicated broker process that is right, but here the process is
 * the user's studio or CLI. The guard replaces both procedures, JVM-wide and once, with one that
 * logs the fault, remembers it for the sandbox to report, and throws in the calling Kafka thread
 * instead. Nothing else in Streamwright's process uses Kafka's {@code Exit}. See
 * docs/decisions/0008-kafka-faults-stay-in-the-sandbox.md.
 */
final class KafkaExitGuard {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaExitGuard.class);
  private static final AtomicReference<String> FATAL = new AtomicReference<>();
  private static boolean installed;

  /** Thrown in the Kafka thread that asked to end the process. */
  static final class KafkaWantedToExit extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    KafkaWantedToExit(String message) {
      super(message);
    }
  }

  private KafkaExitGuard() {}

  /** Installs the guard; later calls do nothing. */
  static synchronized void install() {
    if (installed) {
      return;
    }
    Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
    Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
    installed = true;
  }

  /** The last fault Kafka wanted to end the process for, if any. */
  static Optional<String> lastFatal() {
    return Optional.ofNullable(FATAL.get());
  }

  private static void refuse(String how, int status, String message) {
    String text =
        "the embedded Kafka broker met a fatal fault (it asked to "
            + how
            + " the process with status "
            + status
            + (message == null || message.isBlank() ? "" : ": " + message)
            + "); stop the sandbox and start it again";
    FATAL.set(text);
    LOG.error("Kept the process alive: {}", text);
    throw new KafkaWantedToExit(text);
  }
}
