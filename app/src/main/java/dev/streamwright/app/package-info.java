/**
 * The Streamwright application's composition root: the entry point and the one place that creates
 * implementation classes (the embedded runtime) and hands them to the command line and the studio,
 * which see only the runtime API. It wires the runtime, designer and monitor modules together.
 */
package dev.streamwright.app;
