/**
 * What a monitor's poll saw, as immutable values: the collectors produce them, the monitor
 * assembles them into a {@link dev.streamwright.monitor.figures.MonitorSnapshot}, the panels, the
 * canvas overlays and the command line show them.
 */
package dev.streamwright.monitor.figures;
