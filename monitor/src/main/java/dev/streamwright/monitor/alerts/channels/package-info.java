/**
 * The alert channels an {@link dev.streamwright.monitor.alerts.AlertCenter} notifies: the in-app
 * notification centre, the desktop's notifications, a webhook (JSON POST with a timeout and
 * retries) and a command to run, with the {@link
 * dev.streamwright.monitor.alerts.channels.AlertDocument} they send and {@link
 * dev.streamwright.monitor.alerts.channels.ChannelSettings} to configure them. No JavaFX here.
 */
package dev.streamwright.monitor.alerts.channels;
