/**
 * The Streamwright application: the entry point, the folders it owns on this machine, and what
 * happens on exit. It wires the runtime, designer and monitor modules together.
 */
package dev.streamwright.app;
