/**
 * The studio's side of remote deploys: the Environments dialog, Deploy on the toolbar, the
 * Deployments view with its actions, and stop with savepoint and resume on the embedded runtime.
 * The operations themselves belong to the headless deployment service; these view models only call
 * it on the background executor and show what it reports.
 */
package dev.streamwright.app.ui.deploy;
