package dev.streamwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher script copies JVM flags and names from the build; these keep the copies true. */
class LauncherScriptTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void launcherPassesTheFlinkJvmFlagsOfThePom() throws Exception {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    Matcher m =
        Pattern.compile("<flink.jvm.opens>(.*?)</flink.jvm.opens>", Pattern.DOTALL).matcher(pom);
    assertThat(m.find()).as("pom.xml defines flink.jvm.opens").isTrue();
    List<String> fromPom = Arrays.asList(m.group(1).trim().split("\\s+"));

    String script = Files.readString(ROOT.resolve("streamwright"));
    Matcher array = Pattern.compile("flink_opens=\\((.*?)\\)", Pattern.DOTALL).matcher(script);
    assertThat(array.find()).as("the launcher defines flink_opens").isTrue();
    List<String> fromScript = Arrays.asList(array.group(1).trim().split("\\s+"));

    assertThat(fromScript).containsExactlyElementsOf(fromPom);
  }

  @Test
  void launcherStartsTheMainClassAndIsExecutable() throws Exception {
    Path script = ROOT.resolve("streamwright");
    assertThat(Files.isExecutable(script)).isTrue();
    assertThat(Files.readString(script)).contains(Streamwright.class.getName() + " \"$@\"");
    assertThat(Files.isExecutable(ROOT.resolve(".ci/run"))).isTrue();
  }
}
