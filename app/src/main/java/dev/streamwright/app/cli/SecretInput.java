package dev.streamwright.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where {@code --kafka-secret}, {@code --header-secret} and {@code --client-secret} read their
 * values: the console without echo when there is one, else one line per secret from standard input
 * (in the order the options were given), so scripts can pipe them in. A secret never comes from the
 * command line itself, which shell history and process lists show.
 */
interface SecretInput {

  /**
   * Reads one secret.
   *
   * @param prompt what the console shows, naming the field and environment
   * @return the value, or null when there is none (end of input)
   */
  String read(String prompt);

  /** The console if this process has one, else standard input. */
  static SecretInput system() {
    Console console = System.console();
    if (console != null) {
      return prompt -> {
        char[] value = console.readPassword("%s", prompt);
        return value == null ? null : new String(value);
      };
    }
    return lines(System.in);
  }

  /** One line per secret from the stream; the trailing line break is not part of the value. */
  static SecretInput lines(InputStream in) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return prompt -> {
      try {
        return reader.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read a secret from standard input", e);
      }
    };
  }
}
