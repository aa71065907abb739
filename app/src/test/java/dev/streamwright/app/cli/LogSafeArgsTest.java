package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line as logged: values that may be secrets are masked, references kept. */
class LogSafeArgsTest {

  @Test
  void secretBearingValuesAreMaskedInBothOptionForms() {
    String logged =
        LogSafeArgs.of(
            new String[] {
              "env",
              "add",
              "prod",
              "--gateway",
              "http://gw:8083",
              "--header",
              "Authorization=Bearer typed-by-mistake",
              "--kafka-property=sasl.jaas.config=password=oops",
              "--client-option",
              "security.ssl.rest.truststore-password=${env:TRUST}",
              "--kafka-property",
              "security.protocol=SASL_SSL"
            });

    assertThat(logged)
        .isEqualTo(
            "env add prod --gateway http://gw:8083 --header Authorization=***"
                + " --kafka-property=sasl.jaas.config=***"
                + " --client-option security.ssl.rest.truststore-password=${env:TRUST}"
                + " --kafka-property security.protocol=***");
  }
}
