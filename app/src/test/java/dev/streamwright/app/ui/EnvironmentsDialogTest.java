package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.environments.ConfigValue;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.environments.SecretField;
import dev.streamwright.app.ui.deploy.EnvironmentsDialog;
import dev.streamwright.app.ui.deploy.EnvironmentsViewModel;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Environments dialog as a user works it: {@code embedded} is listed and cannot be edited,
 * every invalid field shows its problem under it and nothing is saved, a secret typed into the
 * password field is stored encrypted and never shown back, and Test against a cluster that is not
 * there lists each check that failed with its cause, without freezing the window.
 */
class EnvironmentsDialogTest {

  private static final String SECRET = "tok-8f3c2a91-never-shown";

  @TempDir Path workspace;

  private StudioDriver studio;

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void addValidatesStoresTheSecretEncryptedAndTestsReachability() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
    EnvironmentsDialogDriver dialog = new EnvironmentsDialogDriver(studio).open();
    assertThat(studio.fx(() -> dialog.table().getItems().stream().map(r -> r.name()).toList()))
        .containsExactly("embedded");
    dialog.select("embedded");
    assertThat(studio.fx(() -> dialog.<Node>find("#env-edit").isDisabled())).isTrue();
    assertThat(studio.fx(() -> dialog.<Node>find("#env-remove").isDisabled())).isTrue();

    // Every invalid field shows its own problem, named, and nothing is stored.
    dialog.click("#env-add");
    dialog.type("#env-name", "Prod EU");
    dialog.type("#env-gateway", "ftp://gateway:8083");
    dialog.type("#env-parallelism", "many");
    dialog.click("#env-save");
    assertThat(dialog.error("name")).contains("'Prod EU' is not a valid environment name");
    assertThat(dialog.error("gateway"))
        .startsWith("SQL Gateway URL 'ftp://gateway:8083' must start with http://")
        .doesNotContain("--gateway");
    assertThat(dialog.error("rest")).startsWith("Flink REST URL is missing");
    assertThat(dialog.error("parallelism")).contains("'many' is not a number");
    assertThat(dialog.error("kafka")).isEmpty();
    assertThat(stored()).isEmpty();

    // Fixed, with a header whose value is a secret typed into a password field.
    dialog.type("#env-name", "prod-eu");
    dialog.type("#env-gateway", "http://127.0.0.1:1");
    dialog.type("#env-rest", "http://127.0.0.1:2");
    dialog.type("#env-parallelism", "2");
    dialog.click("#env-add-value");
    ComboBox<SecretField> kind = dialog.find(".env-value-row .combo-box");
    studio.fx(
        () -> {
          kind.setValue(SecretField.HTTP_HEADER);
          return null;
        });
    TextField key = studio.editor("Key");
    dialog.reveal(key);
    studio.robot.clickOn(key).write("Authorization");
    // Plain text is refused for a secret header, naming the field and the two ways to give it.
    studio.robot.clickOn((Node) studio.editor("Value")).write("Bearer plain");
    dialog.click("#env-save");
    assertThat(dialog.error("values"))
        .contains("header 'Authorization' holds a secret")
        .contains("tick Secret")
        .contains("${env:NAME}");
    assertThat(stored()).isEmpty();
    CheckBox secret = studio.editor("Secret");
    dialog.reveal(secret);
    studio.robot.clickOn(secret);
    PasswordField password = studio.editor("Secret value");
    studio.robot.clickOn(password).write(SECRET);
    dialog.click("#env-save");
    dialog.select("prod-eu");

    RemoteEnvironment env = stored().get(0);
    assertThat(env.gatewayUrl().toString()).isEqualTo("http://127.0.0.1:1");
    assertThat(env.parallelism()).isEqualTo(2);
    ConfigValue header = env.httpHeaders().get("Authorization");
    assertThat(header).isInstanceOf(ConfigValue.Stored.class);
    assertThat(((ConfigValue.Stored) header).sealed()).doesNotContain(SECRET);

    // Edited again, the secret is not shown back: an empty password field that keeps it.
    dialog.click("#env-edit");
    PasswordField again = studio.editor("Secret value");
    String shown = studio.fx(again::getText);
    String prompt = studio.fx(again::getPromptText);
    assertThat(shown).isEmpty();
    assertThat(prompt).contains("(secret)");
    assertThat(studio.fx(() -> ((CheckBox) studio.editor("Secret")).isSelected())).isTrue();
    dialog.click("#env-save");
    StudioDriver.waitFor(
        EnvironmentsDialogDriver.SHORTLY,
        () ->
            studio
                .robot
                .from(dialog.window().getScene().getRoot())
                .lookup("#env-save")
                .tryQuery()
                .isEmpty());
    assertThat(stored().get(0).httpHeaders().get("Authorization")).isEqualTo(header);

    // Test: nothing listens there; each check says what failed, the window stays responsive.
    dialog.select("prod-eu");
    dialog.click("#env-test");
    TableView<EnvironmentsViewModel.CheckLine> checks =
        dialog.find("#" + EnvironmentsDialog.CHECKS);
    StudioDriver.waitFor(
        EnvironmentsDialogDriver.SHORTLY,
        () ->
            !checks.getItems().isEmpty()
                && !studio.model().deploy().environments().busyProperty().get());
    List<EnvironmentsViewModel.CheckLine> lines = studio.fx(() -> List.copyOf(checks.getItems()));
    assertThat(lines).anyMatch(l -> !l.ok() && l.detail().contains("127.0.0.1:1"));
    assertThat(lines).noneMatch(l -> l.detail().contains("Exception"));
    assertThat(studio.fx(() -> ((javafx.scene.control.Label) dialog.find("#env-status")).getText()))
        .isEqualTo("'prod-eu' is not ready: fix what failed and test again.");
    dialog.close();
    // The toolbar's Deploy now targets it.
    assertThat(studio.fx(() -> studio.model().deploy().deploy().targetProperty().get()))
        .isEqualTo("prod-eu");
  }

  private List<RemoteEnvironment> stored() {
    var ws = studio.fx(() -> studio.model().workspace().workspaceProperty().get());
    return WorkspaceEnvironments.of(ws).list();
  }
}
