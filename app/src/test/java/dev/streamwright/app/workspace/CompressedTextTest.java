package dev.streamwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.codec.PipelineCodec;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;

class CompressedTextTest {

  private final String json = new PipelineCodec().write(TestPipelines.generated("p", 10, 1));

  @Test
  void textComesBackUnchangedAndSeveralTimesSmaller() throws Exception {
    byte[] stored = CompressedText.compress(json + "ünïcødé");

    assertThat(CompressedText.decompress(stored)).isEqualTo(json + "ünïcødé");
    assertThat(stored.length).isLessThan(json.length() / 3);
  }

  @Test
  void aDamagedTextIsDetected() {
    byte[] stored = CompressedText.compress(json);
    stored[stored.length / 2] ^= 0x5A;

    assertThatThrownBy(() -> CompressedText.decompress(stored))
        .isInstanceOf(DataFormatException.class);
    assertThatThrownBy(() -> CompressedText.decompress(Arrays.copyOf(stored, stored.length / 2)))
        .isInstanceOf(DataFormatException.class);
  }
}
