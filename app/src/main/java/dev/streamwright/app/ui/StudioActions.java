package dev.streamwright.app.ui;

import dev.streamwright.app.ui.run.GeneratorViewModel;
import dev.streamwright.app.ui.run.RunViewModel;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.canvas.CanvasView;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * Every command of the studio window with its shortcut, icon and enabled state, built once from the
 * view model and the canvas, for {@link StudioMenuBar} and {@link StudioToolBar}.
 */
final class StudioActions {

  /** What only the window can do: dialogs that need the window, and closing it. */
  interface Window {
    /** Shows the open pipeline's history. */
    void showHistory();

    /** Lets the user pick a pipeline of the workspace and opens it. */
    void showOpen();

    /** Closes the studio (after saving). */
    void quit();

    /** Puts the keyboard focus into the palette's search field. */
    void findNodeType();

    /** Lists, edits and tests the workspace's environments. */
    void showEnvironments();

    /** Confirms and deploys the open pipeline to the environment picked on the toolbar. */
    void deploy();

    /** Lists, adds, edits and deletes the alert rules. */
    void showAlertRules();

    /** Opens the notification centre: firing, acknowledged and resolved alerts. */
    void showAlerts();
  }

  final StudioAction newPipeline;
  final StudioAction open;
  final StudioAction openPrevious;
  final StudioAction importFile;
  final StudioAction export;
  final StudioAction registerModel;
  final StudioAction models;
  final StudioAction history;
  final StudioAction quit;
  final StudioAction undo;
  final StudioAction redo;
  final StudioAction cut;
  final StudioAction copy;
  final StudioAction paste;
  final StudioAction delete;
  final StudioAction selectAll;
  final StudioAction fit;
  final StudioAction zoomIn;
  final StudioAction zoomOut;
  final StudioAction autoLayout;
  final StudioAction findNodeType;
  final StudioAction toggleTheme;
  final StudioAction run;
  final StudioAction stop;
  final StudioAction stopWithSavepoint;
  final StudioAction resume;
  final StudioAction startGenerator;
  final StudioAction stopGenerator;
  final StudioAction environments;
  final StudioAction alertRules;
  final StudioAction alerts;
  final StudioAction deploy;

  StudioActions(MainViewModel model, CanvasView canvas, Window window) {
    Objects.requireNonNull(model, "model");
    DesignerViewModel designer = model.designer();
    BooleanBinding notReady = model.readyProperty().not();
    BooleanBinding nothingSelected =
        Bindings.createBooleanBinding(
            () -> designer.selectionProperty().get().isEmpty(), designer.selectionProperty());
    var ws = model.workspace();

    newPipeline =
        new StudioAction("new", "New pipeline", ws::newPipeline)
            .keys("Shortcut+N")
            .icon(MaterialDesignF.FILE_PLUS_OUTLINE)
            .help("Starts an empty pipeline in the workspace")
            .disabledWhen(notReady);
    open =
        new StudioAction("open", "Open…", window::showOpen)
            .keys("Shortcut+O")
            .icon(MaterialDesignF.FOLDER_OPEN_OUTLINE)
            .help(
                "Opens another pipeline of the workspace; type to filter by name, description or tag")
            .disabledWhen(notReady);
    // The first entry of File > Open recent: the pipeline open before this one.
    var recent = ws.recentPipelines();
    openPrevious =
        new StudioAction("open-previous", "", ws::openPrevious)
            .textFrom(
                Bindings.createStringBinding(
                    () ->
                        recent.isEmpty()
                            ? "No recent pipelines"
                            : StudioMenuBar.recentLabel(recent, 0),
                    recent))
            .keys("Shortcut+Shift+O")
            .disabledWhen(notReady.or(Bindings.isEmpty(recent)));
    importFile =
        new StudioAction("import", "Import…", ws.files()::importFile)
            .keys("Shortcut+I")
            .icon(MaterialDesignI.IMPORT)
            .help("Adds a pipeline file to the workspace and opens it")
            .disabledWhen(notReady.or(ws.readOnlyProperty()));
    export =
        new StudioAction("export", "Export…", ws.files()::export)
            .keys("Shortcut+E")
            .icon(MaterialDesignE.EXPORT)
            .help("Writes the open pipeline to a pipeline file")
            .disabledWhen(notReady);
    registerModel =
        new StudioAction("register-model", "Register model…", model.models()::registerFromFile)
            .keys("Shortcut+Shift+M")
            .icon(MaterialDesignB.BRAIN)
            .help(
                "Adds an .onnx file to the workspace's models and scores with it in the selected"
                    + " Model score node, else a new one (or drop .onnx files on the canvas)")
            .disabledWhen(notReady);
    models =
        new StudioAction("models", "Models…", model.models()::chooseRegistered)
            .icon(MaterialDesignV.VIEW_LIST_OUTLINE)
            .help(
                "Lists the workspace's models; the one you pick is scored with by the selected"
                    + " Model score node, else a new one")
            .disabledWhen(notReady);
    history =
        new StudioAction("history", "History…", window::showHistory)
            .keys("Shortcut+H")
            .icon(MaterialDesignH.HISTORY)
            .help("Lists the saved versions; select two to see what changed")
            .disabledWhen(notReady);
    quit = new StudioAction("quit", "Quit", window::quit).keys("Shortcut+Q");

    undo =
        new StudioAction("undo", "Undo", designer::undo)
            .textFrom(designer.edit().undoTextProperty())
            .keys("Shortcut+Z")
            .icon(MaterialDesignU.UNDO)
            .disabledWhen(designer.edit().canUndoProperty().not());
    redo =
        new StudioAction("redo", "Redo", designer::redo)
            .textFrom(designer.edit().redoTextProperty())
            .keys("Shortcut+Shift+Z")
            .icon(MaterialDesignR.REDO)
            .disabledWhen(designer.edit().canRedoProperty().not());
    cut =
        new StudioAction("cut", "Cut", canvas::cut)
            .keys("Shortcut+X")
            .icon(MaterialDesignC.CONTENT_CUT)
            .disabledWhen(nothingSelected);
    copy =
        new StudioAction("copy", "Copy", canvas::copy)
            .keys("Shortcut+C")
            .icon(MaterialDesignC.CONTENT_COPY)
            .disabledWhen(nothingSelected);
    paste =
        new StudioAction("paste", "Paste", canvas::paste)
            .keys("Shortcut+V")
            .icon(MaterialDesignC.CONTENT_PASTE);
    delete =
        new StudioAction("delete", "Delete", canvas::delete)
            .keys("Delete")
            .icon(MaterialDesignD.DELETE_OUTLINE)
            .help("Deletes the selected nodes and edges")
            .disabledWhen(nothingSelected);
    selectAll =
        new StudioAction("select-all", "Select all", designer::selectAll)
            .keys("Shortcut+A")
            .icon(MaterialDesignS.SELECT_ALL);

    fit =
        new StudioAction("fit", "Fit to view", canvas::fitToView)
            .keys("Shortcut+0")
            .icon(MaterialDesignF.FIT_TO_PAGE_OUTLINE)
            .help("Zooms so the whole pipeline is visible");
    zoomIn =
        new StudioAction("zoom-in", "Zoom in", canvas::zoomIn)
            .keys("Shortcut+Equals")
            .icon(MaterialDesignM.MAGNIFY_PLUS_OUTLINE);
    zoomOut =
        new StudioAction("zoom-out", "Zoom out", canvas::zoomOut)
            .keys("Shortcut+Minus")
            .icon(MaterialDesignM.MAGNIFY_MINUS_OUTLINE);
    autoLayout =
        new StudioAction("auto-layout", "Auto-layout", canvas::autoLayout)
            .keys("Shortcut+Shift+L")
            .icon(MaterialDesignV.VECTOR_ARRANGE_BELOW)
            .help("Arranges the nodes left to right, as one undoable edit");
    findNodeType =
        new StudioAction("find-node-type", "Find node type", window::findNodeType)
            .keys("Shortcut+F")
            .icon(MaterialDesignM.MAGNIFY);
    toggleTheme =
        new StudioAction("toggle-theme", "Switch light/dark theme", model::toggleTheme)
            .keys("Shortcut+Shift+T")
            .icon(MaterialDesignT.THEME_LIGHT_DARK);

    run =
        new StudioAction("run", "Run", model::runPipeline)
            .keys("F5")
            .icon(MaterialDesignP.PLAY)
            .help("Runs the pipeline on the embedded Flink and shows its previews (also Ctrl+R)")
            .disabledWhen(model.canRunProperty().not());
    stop =
        new StudioAction("stop", "Stop", model::stopPipeline)
            .keys("Shift+F5")
            .icon(MaterialDesignS.STOP)
            .help("Stops the running job")
            .disabledWhen(model.run().canStopProperty().not());

    environments =
        new StudioAction("environments", "Environments…", window::showEnvironments)
            .icon(MaterialDesignS.SERVER_NETWORK)
            .help("Lists, adds, edits and tests the Flink clusters pipelines deploy to")
            .disabledWhen(notReady);

    alertRules =
        new StudioAction("alert-rules", "Alert rules…", window::showAlertRules)
            .icon(MaterialDesignB.BELL_COG_OUTLINE)
            .help("Lists, adds, edits and deletes the rules that raise alerts");
    alerts =
        new StudioAction("alerts", "Alerts…", window::showAlerts)
            .icon(MaterialDesignB.BELL_OUTLINE)
            .help("Firing, acknowledged and resolved alerts");

    var deployModel = model.deploy().deploy();
    deploy =
        new StudioAction("deploy", "Deploy…", window::deploy)
            .icon(MaterialDesignC.CLOUD_UPLOAD_OUTLINE)
            .help(
                "Deploys the open pipeline to the environment picked next to this button (Run"
                    + " stays on the embedded Flink)")
            .disabledWhen(
                notReady.or(deployModel.busyProperty()).or(deployModel.targetProperty().isNull()));

    GeneratorViewModel generator = model.run().generator();
    BooleanBinding running =
        Bindings.createBooleanBinding(
            () -> model.run().phaseProperty().get() == RunViewModel.Phase.RUNNING,
            model.run().phaseProperty());
    stopWithSavepoint =
        new StudioAction("stop-savepoint", "Stop with savepoint", () -> model.run().stop(true))
            .keys("Shortcut+Shift+F5")
            .icon(MaterialDesignC.CONTENT_SAVE_MOVE_OUTLINE)
            .help("Takes a savepoint of the running job and stops it; Resume starts from it")
            .disabledWhen(running.not());
    resume =
        new StudioAction("resume", "Resume from savepoint", model::resumePipeline)
            .keys("Shortcut+F5")
            .icon(MaterialDesignP.PLAY_PROTECTED_CONTENT)
            .help("Runs the pipeline again from the savepoint of the last stop with savepoint")
            .disabledWhen(
                model.canRunProperty().not().or(model.run().savepointProperty().isEmpty()));
    startGenerator =
        new StudioAction("generator-start", "Start generator", model.run()::startGenerator)
            .icon(MaterialDesignP.PLAY_CIRCLE_OUTLINE)
            .help(
                "Starts the sample's data generator with the chosen scenario, rate and speed"
                    + " (Run starts it too)")
            .disabledWhen(
                running
                    .and(generator.availableProperty())
                    .and(generator.runningProperty().not())
                    .not());
    stopGenerator =
        new StudioAction("generator-stop", "Stop generator", model.run()::stopGenerator)
            .icon(MaterialDesignS.STOP_CIRCLE_OUTLINE)
            .help("Stops the data generator; the job keeps running")
            .disabledWhen(generator.runningProperty().not());
  }
}
