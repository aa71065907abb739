/**
 * What the studio shows about the ONNX model a Model score node names: its signature as ONNX
 * Runtime reads it, its card and whether the file is the one the card registered, and the input
 * slots the node's mapping editor offers. Headless, so it is tested without a display.
 */
package dev.streamwright.designer.document.models;
