package dev.streamwright.runtime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;

/** A fatal Kafka fault is reported, and the test JVM (like the studio's) keeps running. */
class KafkaExitGuardTest {

  @Test
  void kafkaAskingToHaltOrExitThrowsInItsThreadAndIsRemembered() {
    KafkaExitGuard.install();

    assertThatThrownBy(() -> Exit.halt(1, "metadata log corrupt"))
        .isInstanceOf(KafkaExitGuard.KafkaWantedToExit.class)
        .hasMessageContaining("asked to halt the process with status 1: metadata log corrupt");
    assertThat(KafkaBroker.fatalFault()).hasValueSatisfying(m -> assertThat(m).contains("halt"));

    assertThatThrownBy(() -> Exit.exit(2))
        .isInstanceOf(KafkaExitGuard.KafkaWantedToExit.class)
        .hasMessageContaining("asked to exit the process with status 2)");
    assertThat(KafkaBroker.fatalFault()).hasValueSatisfying(m -> assertThat(m).contains("exit"));
  }
}
