package dev.streamwright.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Keeps the module graph of docs/architecture.md true: a headless core, a plugin API that plugin
 * authors can build on without Flink, and designer and monitor independent of each other. The app
 * depends on every module, so its test class path sees every Streamwright class.
 */
@AnalyzeClasses(
    packages = "dev.streamwright",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /** Leaves out test jars (the runtime's test fixtures reach the app's tests as one). */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  private static final String PLUGIN_API = "dev.streamwright.plugin.api..";
  private static final String ONNX_PROVIDER = "dev.streamwright.plugin.onnx..";
  private static final String RUNTIME = "dev.streamwright.runtime..";
  private static final String MONITOR = "dev.streamwright.monitor..";
  private static final String DESIGNER = "dev.streamwright.designer..";
  private static final String APP = "dev.streamwright.app..";

  /** The runtime's implementations: the embedded Flink and the SQL Gateway client. */
  private static final String[] RUNTIME_IMPLEMENTATIONS = {
    "dev.streamwright.runtime.embedded..", "dev.streamwright.runtime.gateway.."
  };

  /** Guards the rules below against passing vacuously because the import found nothing. */
  @ArchTest
  static void theImportSeesTheCoreModules(JavaClasses classes) {
    for (String module : List.of(PLUGIN_API, ONNX_PROVIDER, RUNTIME, APP)) {
      assertThat(classes.that(resideInAPackage(module))).as(module).isNotEmpty();
    }
  }

  @ArchTest
  static final ArchRule onlyViewsUseJavaFx =
      noClasses()
          .that()
          .resideOutsideOfPackages("..ui..", APP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..")
          .because(
              "the pipeline model, compiler, runtimes and monitor maths must run headless (CLI,"
                  + " CI, tests without a display); only view code in ui packages and the app"
                  + " touch JavaFX");

  @ArchTest
  static final ArchRule pluginApiStandsAlone =
      noClasses()
          .that()
          .resideInAPackage(PLUGIN_API)
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.streamwright..").and(resideOutsideOfPackage(PLUGIN_API)))
          .because(
              "plugins build on the plugin API alone; it must not drag in Streamwright's internals");

  @ArchTest
  static final ArchRule pluginApiIsFreeOfFlink =
      noClasses()
          .that()
          .resideInAPackage(PLUGIN_API)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.flink..")
          .because(
              "a plugin must compile without Flink on its class path, and the API must survive a"
                  + " Flink upgrade unchanged");

  @ArchTest
  static final ArchRule onnxProviderStandsAlone =
      noClasses()
          .that()
          .resideInAPackage(ONNX_PROVIDER)
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.streamwright..").and(resideOutsideOfPackage(ONNX_PROVIDER)))
          .because(
              "a Flink cluster loads the onnx provider jar on its own with ADD JAR (decision 0010);"
                  + " the runtime's Model score node uses the provider, never the reverse");

  @ArchTest
  static final ArchRule runtimeKnowsNoUi =
      noClasses()
          .that()
          .resideInAPackage(RUNTIME)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(DESIGNER, MONITOR, APP)
          .because(
              "the runtime is the engine under the designer, the monitor and the app; the arrows"
                  + " point one way (plugins/api <- runtime <- monitor, designer <- app)");

  @ArchTest
  static final ArchRule frontEndsSeeOnlyTheRuntimeApi =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.streamwright.app.cli..",
              "dev.streamwright.app.ui..",
              "dev.streamwright.app.run..",
              DESIGNER,
              MONITOR)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(RUNTIME_IMPLEMENTATIONS)
          .because(
              "the CLI, the studio and the run owner deploy through the runtime API"
                  + " (runtime.api) whichever runtime runs the job, embedded or remote; only the"
                  + " composition root in dev.streamwright.app creates an implementation");

  @ArchTest
  static final ArchRule packagesFormNoCycle =
      slices()
          .matching("dev.streamwright.(**)")
          .should()
          .beFreeOfCycles()
          .because(
              "every package is a unit that can move into a module of its own (the runtime is"
                  + " being split along its packages, the app into CLI, studio and run owner);"
                  + " a cycle between packages would become a cycle between modules, and the"
                  + " runtime API must not depend on what implements it");

  @ArchTest
  static final ArchRule devClusterStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("dev.streamwright.runtime.devcluster..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.streamwright..")
                  .and(resideOutsideOfPackage("dev.streamwright.runtime.devcluster..")))
          .because(
              "the dev cluster is a self-contained Flink launcher (decision 0015) that moves into"
                  + " a module of its own when the runtime is split; its child JVMs run without"
                  + " Streamwright's classes");

  @ArchTest
  static final ArchRule designerIgnoresMonitor =
      noClasses()
          .that()
          .resideInAPackage(DESIGNER)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(MONITOR)
          .allowEmptyShould(true)
          .because("designer and monitor evolve separately; the app wires them together");

  @ArchTest
  static final ArchRule monitorViewsOnlyDrawValues =
      classes()
          .that()
          .resideInAPackage("dev.streamwright.monitor.ui..")
          .should()
          .onlyDependOnClassesThat(
              resideOutsideOfPackage("dev.streamwright.monitor..")
                  .or(
                      resideInAnyPackage(
                          "dev.streamwright.monitor.ui..",
                          "dev.streamwright.monitor.figures..",
                          "dev.streamwright.monitor.lag..",
                          "dev.streamwright.monitor.latency..",
                          "dev.streamwright.monitor.series..",
                          "dev.streamwright.monitor.drift..",
                          "dev.streamwright.monitor.cost..",
                          "dev.streamwright.monitor.alerts..")))
          .because(
              "the Monitor view, the drift and cost panels and the notification centre draw values"
                  + " they are handed (snapshots, series, drift and cost results, alert events)"
                  + " and read or poll nothing themselves: the orchestrator and its Flink and"
                  + " Kafka readers feed them, so they are tested with synthetic data and the FX"
                  + " thread never waits for a network");

  @ArchTest
  static final ArchRule monitorIgnoresDesigner =
      noClasses()
          .that()
          .resideInAPackage(MONITOR)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(DESIGNER)
          .allowEmptyShould(true)
          .because("designer and monitor evolve separately; the app wires them together");

  @ArchTest
  static final ArchRule modulesDoNotReachIntoTheApp =
      noClasses()
          .that()
          .resideInAnyPackage(MONITOR, DESIGNER)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(APP)
          .allowEmptyShould(true)
          .because("the app is the top of the graph: it depends on the modules, never the reverse");
}
