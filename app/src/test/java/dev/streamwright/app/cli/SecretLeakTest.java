package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.runtime.api.EnvironmentCheck;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.Pipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Secrets never reach the workspace's store files, exports or logs in a readable form: three
 * distinctive random secrets go through {@code env add} (prompted and stored encrypted), {@code env
 * list} (table and JSON, saved as an export), {@code env test} (resolved and handed to a runtime,
 * which logs the target) and a pipeline export; then every file of the data folder, the workspace
 * and the log folder is searched for their bytes in UTF-8, UTF-16 and base64.
 */
class SecretLeakTest {

  @TempDir Path data;

  @Test
  void noSecretIsFoundInAnyFileWrittenAlongTheWay() throws Exception {
    List<String> secrets = List.of(random("kafka"), random("header"), random("trust"));
    EnvCli cli = new EnvCli(data);
    cli.stdin = String.join("\n", secrets) + "\n";

    Result add =
        cli.run(
            "env",
            "add",
            "leak-check",
            "--gateway",
            "http://gw.leak:8083",
            "--rest",
            "http://jm.leak:8081",
            "--kafka-secret",
            "sasl.jaas.config",
            "--header-secret",
            "Authorization",
            "--client-secret",
            "security.ssl.rest.truststore-password");
    assertThat(add.exitCode()).as(add.all()).isZero();

    Result table = cli.run("env", "list");
    Result json = cli.run("env", "list", "--format", "json");
    Path exportDir = Files.createDirectories(data.resolve("exports"));
    Files.writeString(exportDir.resolve("environments.json"), json.out());
    Files.writeString(exportDir.resolve("environments.txt"), table.out());
    cli.factory =
        Optional.of(
            new FakeRemoteRuntimeFactory(
                t -> {
                  LoggerFactory.getLogger(SecretLeakTest.class).info("checking {}", t);
                  return new EnvironmentCheck(
                      List.of(new EnvironmentCheck.Item("SQL Gateway", true, "answers")));
                }));
    Result test = cli.run("env", "test", "leak-check");
    assertThat(test.exitCode()).as(test.all()).isZero();
    assertThat(cli.factory.map(f -> ((FakeRemoteRuntimeFactory) f).checked.get(0)))
        .get()
        .satisfies(t -> assertThat(t.httpHeaders()).containsEntry("Authorization", secrets.get(1)));
    try (Workspace w = Workspace.open(data.resolve("workspace"), OpenMode.READ_WRITE)) {
      Pipeline quickstart = new PipelineCodec().read(CliHarness.QUICKSTART);
      w.save(quickstart);
      w.exportTo(quickstart.id(), exportDir.resolve("quickstart.json"));
    }
    // The workspace is reopened (a backup of its store is taken) and closed again.
    Workspace.open(data.resolve("workspace"), OpenMode.READ_WRITE).close();

    List<Path> searched = new ArrayList<>(files(data));
    Path logs = Path.of(System.getProperty("streamwright.logDir"));
    searched.addAll(files(logs));
    assertThat(searched)
        .as("the search covers the store, its backups, the exports and the log")
        .anyMatch(p -> p.toString().contains("store"))
        .anyMatch(p -> p.toString().contains("backups"))
        .anyMatch(p -> p.endsWith("environments.json"))
        .anyMatch(p -> p.getFileName().toString().startsWith("streamwright"));
    // Controls: the same search finds what the files do hold, in the store's own encoding too.
    assertThat(found("sasl.jaas.config", files(data.resolve("workspace").resolve("store"))))
        .isNotEmpty();
    assertThat(found("Saved the environment leak-check", files(logs))).isNotEmpty();
    Path control = data.resolve("control.bin");
    Files.write(control, secrets.get(0).getBytes(StandardCharsets.UTF_16LE));
    assertThat(found(secrets.get(0), List.of(control))).containsExactly(control);
    Files.delete(control);

    for (String secret : secrets) {
      assertThat(found(secret, searched)).as("files holding %s", secret).isEmpty();
      assertThat(add.all() + table.all() + json.all() + test.all()).doesNotContain(secret);
    }
  }

  private static String random(String what) {
    byte[] b = new byte[12];
    new SecureRandom().nextBytes(b);
    return "sw-" + what + "-" + HexFormat.of().formatHex(b);
  }

  private static List<Path> files(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  /** The files holding the text in UTF-8, UTF-16 (either byte order) or base64 of its UTF-8. */
  private static List<Path> found(String text, List<Path> files) throws IOException {
    List<byte[]> needles = new ArrayList<>();
    for (Charset cs :
        List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      needles.add(text.getBytes(cs));
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    needles.add(
        Base64.getEncoder().withoutPadding().encodeToString(utf8).getBytes(StandardCharsets.UTF_8));
    needles.add(
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(utf8)
            .getBytes(StandardCharsets.UTF_8));
    List<Path> out = new ArrayList<>();
    for (Path f : files) {
      byte[] content = read(f);
      if (needles.stream().anyMatch(n -> indexOf(content, n) >= 0)) {
        out.add(f);
      }
    }
    return out;
  }

  private static byte[] read(Path f) throws IOException {
    byte[] raw = Files.readAllBytes(f);
    if (!f.toString().endsWith(".gz")) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(f));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
