package dev.streamwright.designer.document;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the designer's document core headless, so it runs in CLI, CI and tests without a display.
 */
@AnalyzeClasses(
    packages = "dev.streamwright.designer",
    importOptions = ImportOption.DoNotIncludeTests.class)
class HeadlessCoreTest {

  @ArchTest
  static final ArchRule documentUsesNoJavaFx =
      noClasses()
          .that()
          .resideInAPackage("dev.streamwright.designer.document..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "dev.streamwright.designer..ui..")
          .because(
              "the document, its commands, layout, diff and compile service are unit-tested"
                  + " without a display; only views in ui packages touch JavaFX");

  @ArchTest
  static final ArchRule documentDoesNotReachIntoTheMonitorOrTheApp =
      noClasses()
          .that()
          .resideInAPackage("dev.streamwright.designer..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.streamwright.monitor..", "dev.streamwright.app..")
          .because("designer and monitor evolve separately; the app wires them together");
}
