/**
 * The {@code streamwright} command line (picocli): {@code validate}, {@code sql} and {@code run},
 * with exit codes CI can branch on and errors written for people.
 */
package dev.streamwright.app.cli;
