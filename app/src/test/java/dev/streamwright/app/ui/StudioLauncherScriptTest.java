package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.workspace.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher script gives the studio what the build gives the tests: the store's JVM flag. */
class StudioLauncherScriptTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void launcherPassesTheStoreExportsOfThePom() throws Exception {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    Matcher m = Pattern.compile("<store.jvm.exports>(.*?)</store.jvm.exports>").matcher(pom);
    assertThat(m.find()).as("pom.xml defines store.jvm.exports").isTrue();
    List<String> fromPom = Arrays.asList(m.group(1).trim().split("\\s+"));

    String script = Files.readString(ROOT.resolve("streamwright"));
    Matcher array = Pattern.compile("store_exports=\\((.*?)\\)", Pattern.DOTALL).matcher(script);
    assertThat(array.find()).as("the launcher defines store_exports").isTrue();
    assertThat(Arrays.asList(array.group(1).trim().split("\\s+")))
        .containsExactlyElementsOf(fromPom);
    assertThat(script).contains("\"${store_exports[@]}\"");
  }

  @Test
  void launcherPointsTheStudioAtTheShippedSamples() throws Exception {
    String script = Files.readString(ROOT.resolve("streamwright"));
    assertThat(script).contains("\"-D" + Samples.PROPERTY + "=$here/samples\"");
    assertThat(ROOT.resolve("samples").resolve(Samples.QUICKSTART).resolve("pipeline.json"))
        .isRegularFile();
  }
}
