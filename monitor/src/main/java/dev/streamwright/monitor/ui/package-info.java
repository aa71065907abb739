/**
 * The Monitor view (JavaFX): panels that draw {@link
 * dev.streamwright.monitor.figures.MonitorSnapshot}s of one running deployment, at most once per
 * pulse, with ChartFX history charts.
 */
package dev.streamwright.monitor.ui;
