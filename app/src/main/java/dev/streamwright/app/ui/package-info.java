/**
 * The studio window: {@link dev.streamwright.app.ui.StudioApp} started by {@link
 * dev.streamwright.app.ui.StudioLauncher}, {@link dev.streamwright.app.ui.MainView} bound to {@link
 * dev.streamwright.app.ui.MainViewModel}, which holds the designer, the run ({@code run}) and the
 * workspace side ({@code workspace}). Slow work goes through one {@link
 * dev.streamwright.app.ui.tasks.TaskExecutor}; questions to the user through {@link
 * dev.streamwright.app.ui.dialogs.DialogService}.
 */
package dev.streamwright.app.ui;
