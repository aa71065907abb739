package dev.streamwright.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppFoldersTest {

  private static Properties linux(String home) {
    Properties p = new Properties();
    p.setProperty("user.home", home);
    p.setProperty("os.name", "Linux");
    return p;
  }

  @Test
  void systemPropertyWinsOverEverything() {
    Properties p = linux("/home/ada");
    p.setProperty(AppFolders.HOME_PROPERTY, "/srv/sw");
    AppFolders f =
        AppFolders.resolve(p, Map.of("STREAMWRIGHT_HOME", "/env/sw", "XDG_DATA_HOME", "/x"), 42);

    assertThat(f.data()).isEqualTo(Path.of("/srv/sw"));
    assertThat(f.logs()).isEqualTo(Path.of("/srv/sw/logs"));
    assertThat(f.tmp()).isEqualTo(Path.of("/srv/sw/tmp/42"));
    assertThat(f.logFile()).isEqualTo(Path.of("/srv/sw/logs/streamwright.log"));
  }

  @Test
  void environmentVariableComesNext() {
    AppFolders f =
        AppFolders.resolve(
            linux("/home/ada"), Map.of("STREAMWRIGHT_HOME", "/env/sw", "XDG_DATA_HOME", "/x"), 1);

    assertThat(f.data()).isEqualTo(Path.of("/env/sw"));
  }

  @Test
  void xdgDataHomeThenTheUsualLinuxFolder() {
    assertThat(AppFolders.resolve(linux("/home/ada"), Map.of("XDG_DATA_HOME", "/x"), 1).data())
        .isEqualTo(Path.of("/x/streamwright"));
    assertThat(AppFolders.resolve(linux("/home/ada"), Map.of(), 1).data())
        .isEqualTo(Path.of("/home/ada/.local/share/streamwright"));
  }

  @Test
  void creatingTheTempFolderClearsThoseOfDeadProcessesOnly(@TempDir Path dir) throws Exception {
    Properties p = linux("/home/ada");
    p.setProperty(AppFolders.HOME_PROPERTY, dir.toString());
    long me = ProcessHandle.current().pid();
    Path dead = Files.createDirectories(dir.resolve("tmp/999999999/flink-tmp"));
    Path alive = Files.createDirectories(dir.resolve("tmp/1"));
    Path foreign = Files.createDirectories(dir.resolve("tmp/not-a-pid"));

    AppFolders f = AppFolders.resolve(p, Map.of(), me);
    f.createTmp();

    assertThat(f.tmp()).isDirectory();
    assertThat(dead.getParent()).doesNotExist();
    assertThat(alive).as("pid 1 is always alive").isDirectory();
    assertThat(foreign).isDirectory();

    Files.writeString(f.tmp().resolve("scratch"), "x");
    f.deleteTmp();
    assertThat(f.tmp()).doesNotExist();
  }
}
