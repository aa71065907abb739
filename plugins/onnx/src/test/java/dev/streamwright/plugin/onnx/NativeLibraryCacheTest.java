package dev.streamwright.plugin.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's native library is unpacked once into a cache, not into the temp folder. */
class NativeLibraryCacheTest {

  @TempDir Path cache;

  @Test
  void unpacksBothLibrariesIntoAVersionedFolder() throws Exception {
    Path dir = NativeLibraryCache.unpack(cache).orElseThrow();
    assertThat(dir.getParent()).isEqualTo(cache);
    assertThat(dir.getFileName().toString()).startsWith("1.29.0-");
    assertThat(dir.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
    assertThat(dir.resolve(System.mapLibraryName("onnxruntime4j_jni"))).isRegularFile();
  }

  @Test
  void aSecondStartReusesTheUnpackedFiles() throws Exception {
    Path lib =
        NativeLibraryCache.unpack(cache)
            .orElseThrow()
            .resolve(System.mapLibraryName("onnxruntime"));
    var written = Files.getLastModifiedTime(lib);
    Thread.sleep(20);
    NativeLibraryCache.unpack(cache);
    assertThat(Files.getLastModifiedTime(lib)).isEqualTo(written);
    try (Stream<Path> files = Files.list(lib.getParent())) {
      assertThat(files).noneMatch(p -> p.toString().endsWith(".partial"));
    }
  }

  @Test
  void ortLoadsFromTheCacheAndLeavesNothingInTheTempFolder() throws Exception {
    OnnxEnvironment.get();
    assertThat(System.getProperty("onnxruntime.native.path"))
        .isEqualTo(NativeLibraryCache.prepare().orElseThrow().toString());
    try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(tmp.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("onnxruntime-java") || n.contains("libonnxruntime"));
    }
  }
}
