/**
 * This process on this machine: the folders Streamwright owns (data, logs, temp) and the ordered
 * actions that run when it exits. Shared by the command line, the studio and the composition root,
 * so none of them depends on another for these.
 */
package dev.streamwright.app.process;
