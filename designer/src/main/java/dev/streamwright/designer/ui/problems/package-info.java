/** The table of the compiler's errors and warnings. */
package dev.streamwright.designer.ui.problems;
