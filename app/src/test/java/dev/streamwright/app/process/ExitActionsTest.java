package dev.streamwright.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitActionsTest {

  private final ExitActions exit = new ExitActions();
  private final List<String> ran = new ArrayList<>();

  @Test
  void actionsRunNewestFirstSoTheRuntimeClosesBeforeItsFolderGoes() {
    exit.add("delete folder", () -> ran.add("delete folder"));
    exit.add("close runtime", () -> ran.add("close runtime"));

    exit.runAll();

    assertThat(ran).containsExactly("close runtime", "delete folder");
  }

  @Test
  void eachActionRunsAtMostOnce() {
    exit.add("a", () -> ran.add("a"));

    exit.runAll();
    exit.runAll();

    assertThat(ran).containsExactly("a");
  }

  @Test
  void aWithdrawnActionDoesNotRun() {
    ExitActions.Registration r = exit.add("stop job", () -> ran.add("stop job"));
    exit.add("delete folder", () -> ran.add("delete folder"));

    r.close();
    exit.runAll();

    assertThat(ran).containsExactly("delete folder");
  }

  @Test
  void aFailingActionDoesNotStopTheOthers() {
    exit.add("b", () -> ran.add("b"));
    exit.add(
        "a",
        () -> {
          throw new IllegalStateException("boom");
        });

    exit.runAll();

    assertThat(ran).containsExactly("b");
  }
}
