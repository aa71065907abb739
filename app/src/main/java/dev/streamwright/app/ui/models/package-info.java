/** The studio's model registry: the workspace's models, registering {@code .onnx} files. */
package dev.streamwright.app.ui.models;
