package dev.streamwright.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the store's transactions logs ({@code transactions_*.sft}) the way Eclipse Store does on
 * start, before it does. Eclipse Store 2.1.3 spins forever (one core at 100%, start never returns)
 * on an entry it cannot read, such as a log cut inside an entry; later versions report such a log
 * instead. This check turns that hang into a readable corrupt-workspace error. A log written by a
 * killed process is fine: each entry is written by one small write call.
 */
final class TransactionsLogCheck {

  /** Entry lengths by entry type (file creation, store, transfer, truncation, deletion). */
  private static final int[] ENTRY_LENGTHS = {26, 18, 34, 34, 26};

  private TransactionsLogCheck() {}

  /**
   * Checks every transactions log under the store folder.
   *
   * @throws StoreUnreadableException naming the log and position Eclipse Store would stop at
   */
  static void verify(Path store) throws StoreUnreadableException {
    List<Path> logs;
    try (Stream<Path> walk = Files.walk(store)) {
      logs = walk.filter(p -> p.getFileName().toString().endsWith(".sft")).sorted().toList();
    } catch (IOException e) {
      throw new StoreUnreadableException("cannot list the store files: " + e.getMessage(), e);
    }
    for (Path log : logs) {
      byte[] data;
      try {
        data = Files.readAllBytes(log);
      } catch (IOException e) {
        throw new StoreUnreadableException("cannot read " + log + ": " + e.getMessage(), e);
      }
      String problem = problem(data);
      if (problem != null) {
        throw new StoreUnreadableException(
            "its transactions log " + store.relativize(log) + " is damaged: " + problem, null);
      }
    }
  }

  /** What Eclipse Store would get stuck on in this log, or null when it reads to the end. */
  static String problem(byte[] log) {
    int pos = 0;
    while (pos < log.length) {
      int left = log.length - pos;
      if (left < 2) {
        return "it ends inside an entry at byte " + pos;
      }
      int length = log[pos];
      if (length == 0) {
        return "an entry of length 0 at byte " + pos;
      }
      int type = log[pos + 1];
      if (length > 0) {
        if (type < 0 || type >= ENTRY_LENGTHS.length) {
          return "an entry of unknown type " + type + " at byte " + pos;
        }
        if (left < ENTRY_LENGTHS[type]) {
          return "it ends inside an entry at byte " + pos;
        }
      }
      pos += Math.abs(length);
    }
    return null;
  }
}
