package dev.streamwright.designer.document.models;

import dev.streamwright.plugin.onnx.OnnxModelSignature;
import dev.streamwright.plugin.onnx.OnnxModelSignature.Tensor;
import dev.streamwright.runtime.models.ModelCard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the studio knows about one model file: its signature (or why it cannot be read) and its card
 * (or why there is none usable), with whether the file still is the registered one.
 *
 * @param path the resolved, absolute model file; null when the property names no valid path
 * @param signature the inputs and outputs, or null when the file cannot be read
 * @param problem why there is no signature, for the user; null when there is one
 * @param card the card.json next to the file, or null
 * @param cardProblem why the card next to the file cannot be used; null when there is a card or
 *     none at all
 * @param verification whether the file is the one the card registered
 * @param verificationText the verification in words, with what to do when it failed
 */
public record ModelDetails(
    Path path,
    OnnxModelSignature signature,
    String problem,
    ModelCard card,
    String cardProblem,
    Verification verification,
    String verificationText) {

  /** Whether the model file is the file its card was registered for. */
  public enum Verification {
    /** No card lies next to the file, so there is nothing to compare. */
    NO_CARD,
    /** The file's SHA-256 is the card's. */
    VERIFIED,
    /** The file differs from the one the card registered. */
    CHANGED
  }

  /** Details of a model that cannot be read at all. */
  public static ModelDetails unreadable(Path path, String problem) {
    return new ModelDetails(path, null, problem, null, null, Verification.NO_CARD, "");
  }

  /**
   * The model input slots a Model score node maps columns to, in the model's order: one per {@code
   * [N]} or {@code [N,1]} input, and k per value of a model's only {@code [N,k]} input. Inputs the
   * node cannot feed have no slot (the node reports them on its model property).
   */
  public List<Slot> slots() {
    List<Slot> out = new ArrayList<>();
    if (signature == null) {
      return out;
    }
    boolean only = signature.inputs().size() == 1;
    for (Tensor t : signature.inputs()) {
      if (!t.supported()) {
        continue;
      }
      if (t.matrix()) {
        if (only) {
          for (int i = 0; i < t.width(); i++) {
            out.add(new Slot(t.name(), i, t.width()));
          }
        }
      } else if (t.oneValuePerRow()) {
        out.add(new Slot(t.name(), 0, 1));
      }
    }
    return out;
  }

  /** The card's entry for a model input, or null. */
  public ModelCard.Input cardInput(String name) {
    if (card == null) {
      return null;
    }
    return card.inputs().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * One value a Model score node feeds: a model input, or one of the k values of an {@code [N,k]}
   * input.
   *
   * @param input the model input's name
   * @param index the value's position within the input, from 0
   * @param width the input's values per row: 1, or k for an {@code [N,k]} input
   */
  public record Slot(String input, int index, int width) {

    /** Whether it is one of several values of an {@code [N,k]} input (no same-name default). */
    public boolean matrix() {
      return width > 1;
    }

    /** The slot as users read it, e.g. {@code amount} or {@code float_input [2 of 4]}. */
    public String label() {
      return matrix() ? input + " [" + (index + 1) + " of " + width + "]" : input;
    }
  }
}
