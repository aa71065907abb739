package dev.streamwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TransactionsLogCheckTest {

  /** A log of one file creation (26 bytes) and two stores (18 bytes each). */
  private static byte[] healthyLog() {
    ByteBuffer b = ByteBuffer.allocate(26 + 18 + 18).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 26).put((byte) 0).putLong(1L).putLong(0L).putLong(1L);
    b.put((byte) 18).put((byte) 1).putLong(2L).putLong(2700L);
    b.put((byte) 18).put((byte) 1).putLong(3L).putLong(4100L);
    return b.array();
  }

  @Test
  void aHealthyLogPasses() {
    assertThat(TransactionsLogCheck.problem(healthyLog())).isNull();
    assertThat(TransactionsLogCheck.problem(new byte[0])).isNull();
  }

  @Test
  void aLogCutInsideItsLastEntryIsAProblem() {
    byte[] log = healthyLog();
    assertThat(TransactionsLogCheck.problem(Arrays.copyOf(log, log.length - 3)))
        .contains("ends inside an entry at byte 44");
    assertThat(TransactionsLogCheck.problem(Arrays.copyOf(log, log.length - 17)))
        .contains("ends inside an entry at byte 44");
  }

  @Test
  void zeroedBytesAreAProblem() {
    byte[] log = healthyLog();
    Arrays.fill(log, 26, 44, (byte) 0);
    assertThat(TransactionsLogCheck.problem(log)).contains("length 0 at byte 26");
  }

  @Test
  void anUnknownEntryTypeIsAProblem() {
    byte[] log = healthyLog();
    log[27] = 9;
    assertThat(TransactionsLogCheck.problem(log)).contains("unknown type 9");
  }
}
