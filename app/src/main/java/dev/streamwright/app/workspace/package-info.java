/**
 * The studio's workspace: pipelines with their version history, recent files and settings in an
 * Eclipse Store inside one folder, with a folder lock, rolling backups and a read-only mode
 * (decision 0005). Headless: nothing here touches JavaFX.
 */
package dev.streamwright.app.workspace;
