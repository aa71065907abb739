package dev.streamwright.runtime.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads JSON text strictly: standard JSON only (no comments, no single quotes, no trailing commas),
 * no key twice in an object, nothing after the top-level value, no number beyond a double's range.
 * Every refusal is a {@link JsonSyntaxException} in the words of someone editing the file ("line 1,
 * column 12: the file ends inside the "nodes" list that opens at line 1, column 11"), and the tree
 * it gives knows where each value stands, for the messages of the readers built on it.
 */
public final class StrictJson {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StrictJson() {}

  /**
   * Reads the text as one JSON value.
   *
   * @throws JsonSyntaxException when it is empty or not JSON, with line, column and what to change
   */
  public static JsonDocument parse(String text) throws JsonSyntaxException {
    // A byte order mark is not JSON but editors write one; a space keeps every column in place.
    String source = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
    if (source.isBlank()) {
      throw new JsonSyntaxException("the file is empty", -1, -1);
    }
    return new Reader(source).read();
  }

  /** A list or object still open while the text is read. */
  static final class Frame {
    final boolean list;
    final String path;
    final String label;
    final int offset;
    final JsonNode node;
    final Map<String, Integer> names = new HashMap<>();
    int items;
    String lastName;

    Frame(boolean list, String path, String label, int offset, JsonNode node) {
      this.list = list;
      this.path = path;
      this.label = label;
      this.offset = offset;
      this.node = node;
    }
  }

  /** One pass over the text that builds the tree and remembers where each value is. */
  private static final class Reader {
    private final String text;
    private final TextLines lines;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Map<String, Integer> values = new HashMap<>();
    private final Map<String, Integer> names = new HashMap<>();
    private JsonNode root;
    private Frame rootFrame;
    private int rootEnd = -1;
    private String pendingName;

    Reader(String text) {
      this.text = text;
      this.lines = new TextLines(text);
    }

    JsonDocument read() throws JsonSyntaxException {
      try (JsonParser parser = FACTORY.createParser(text)) {
        try {
          JsonToken token;
          while ((token = parser.nextToken()) != null) {
            int at = (int) parser.currentTokenLocation().getCharOffset();
            if (rootEnd >= 0) {
              throw JsonSyntaxMessages.trailing(text, lines, at, rootFrame, rootEnd);
            }
            switch (token) {
              case FIELD_NAME -> name(parser.currentName(), at);
              case START_OBJECT -> open(false, at);
              case START_ARRAY -> open(true, at);
              case END_OBJECT, END_ARRAY -> close(at);
              default -> scalar(parser, token, at);
            }
          }
        } catch (JsonProcessingException e) {
          long fallback = parser.currentLocation().getCharOffset();
          String name = parser.getParsingContext().getCurrentName();
          throw new JsonSyntaxMessages(text, lines, open, rootFrame, rootEnd)
              .describe(e, name, (int) fallback);
        }
      } catch (IOException e) {
        // The text is in memory: only the parser's own refusals, handled above, can happen.
        throw new JsonSyntaxException("the file could not be read as JSON", -1, -1);
      }
      return new JsonDocument(root, values, names, lines);
    }

    private void name(String name, int at) throws JsonSyntaxException {
      Frame frame = open.peek();
      Integer first = frame.names.putIfAbsent(name, at);
      if (first != null) {
        throw new JsonSyntaxException(
            lines.place(at).prefix()
                + "\""
                + name
                + "\" appears twice in "
                + frame.label
                + " (first at "
                + where(first)
                + "); remove one of them",
            lines.place(at).line(),
            lines.place(at).column());
      }
      pendingName = name;
      names.put(JsonDocument.field(frame.path, name), at);
    }

    private void open(boolean list, int at) {
      Frame parent = open.peek();
      JsonNode node = list ? NODES.arrayNode() : NODES.objectNode();
      String path = attach(node, at);
      String label;
      if (parent == null) {
        label = list ? "the top-level list" : "the top-level object";
      } else if (parent.list) {
        label = (list ? "the list at " : "the object at ") + path;
      } else {
        label =
            "the \""
                + parent.lastName
                + "\" "
                + (list ? "list" : "object")
                + (parent.path.isEmpty() ? "" : " at " + path);
      }
      Frame frame = new Frame(list, path, label, at, node);
      if (parent == null) {
        rootFrame = frame;
      }
      open.push(frame);
    }

    private void close(int at) {
      open.pop();
      if (open.isEmpty()) {
        rootEnd = at;
      }
    }

    private void scalar(JsonParser parser, JsonToken token, int at)
        throws IOException, JsonSyntaxException {
      JsonNode node =
          switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                  case INT -> NODES.numberNode(parser.getIntValue());
                  case LONG -> NODES.numberNode(parser.getLongValue());
                  default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(finite(parser, at));
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            default -> NODES.nullNode();
          };
      attach(node, at);
      if (open.isEmpty()) {
        rootEnd = at;
      }
    }

    private double finite(JsonParser parser, int at) throws IOException, JsonSyntaxException {
      double value = parser.getDoubleValue();
      if (Double.isFinite(value)) {
        return value;
      }
      JsonDocument.Place place = lines.place(at);
      throw new JsonSyntaxException(
          place.prefix()
              + parser.getText()
              + " is too large for a number; numbers go up to about 1.8e308",
          place.line(),
          place.column());
    }

    /** Puts the value into its list or object, or makes it the root, and returns its path. */
    private String attach(JsonNode node, int at) {
      Frame frame = open.peek();
      String path;
      if (frame == null) {
        root = node;
        path = "";
      } else if (frame.list) {
        path = JsonDocument.item(frame.path, frame.items);
        ((ArrayNode) frame.node).add(node);
      } else {
        path = JsonDocument.field(frame.path, pendingName);
        ((ObjectNode) frame.node).set(pendingName, node);
        frame.lastName = pendingName;
      }
      if (frame != null) {
        frame.items++;
      }
      values.put(path, at);
      return path;
    }

    private String where(int offset) {
      JsonDocument.Place place = lines.place(offset);
      return "line " + place.line() + ", column " + place.column();
    }
  }
}
