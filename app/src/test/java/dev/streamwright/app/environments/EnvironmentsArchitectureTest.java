package dev.streamwright.app.environments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Environments and deployment records are plain, headless values the workspace persists and the CLI
 * and studio use: they depend on none of those, so the arrows stay one way and the store's
 * persisted shapes stay private to the workspace.
 */
@AnalyzeClasses(
    packages = "dev.streamwright.app",
    importOptions = ImportOption.DoNotIncludeTests.class)
class EnvironmentsArchitectureTest {

  @ArchTest
  static final ArchRule environmentsAndDeploymentsKnowNoFrontEndNorStore =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.streamwright.app.environments..", "dev.streamwright.app.deployments..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.streamwright.app.workspace..",
              "dev.streamwright.app.cli..",
              "dev.streamwright.app.ui..",
              "dev.streamwright.runtime.embedded..",
              "org.eclipse..",
              "javafx..")
          .because(
              "the workspace persists them and the front ends show them; they see only the runtime"
                  + " API's RemoteTarget");
}
