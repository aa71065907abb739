/** The read-only view of the SQL the pipeline compiles to. */
package dev.streamwright.designer.ui.sql;
