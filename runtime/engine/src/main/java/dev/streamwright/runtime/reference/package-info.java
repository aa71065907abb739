/**
 * The node reference (docs/nodes.md), generated from the node types' own specs so it always says
 * what the code does.
 */
package dev.streamwright.runtime.reference;
