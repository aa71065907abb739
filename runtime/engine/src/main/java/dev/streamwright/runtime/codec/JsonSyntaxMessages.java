package dev.streamwright.runtime.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why JSON text could not be read, in the words of someone editing it: what was expected where
 * and what stands there instead, which list or object the file ends inside, which comma is too
 * many. It works from what the reader knew when the parser gave up (the lists and objects still
 * open, the text around the failure), never from the parser's wording, which is not shown.
 */
final class JsonSyntaxMessages {

  private static final Pattern CODE = Pattern.compile("code (\\d+)");
  private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");
  private static final Pattern NOT_A_NUMBER =
      Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

  private final String text;
  private final TextLines lines;
  private final Deque<StrictJson.Frame> open;
  private final StrictJson.Frame root;
  private final int rootEnd;

  JsonSyntaxMessages(
      String text,
      TextLines lines,
      Deque<StrictJson.Frame> open,
      StrictJson.Frame root,
      int rootEnd) {
    this.text = text;
    this.lines = lines;
    this.open = open;
    this.root = root;
    this.rootEnd = rootEnd;
  }

  /** More text after the top-level value ended. */
  static JsonSyntaxException trailing(
      String text, TextLines lines, int at, StrictJson.Frame root, int rootEnd) {
    JsonSyntaxMessages m = new JsonSyntaxMessages(text, lines, null, root, rootEnd);
    return m.trailing(at);
  }

  /**
   * The parser's refusal in words.
   *
   * @param e what the parser threw
   * @param name the field the parser was at, if in an object
   * @param fallback where the parser stood, for refusals that carry no place
   */
  JsonSyntaxException describe(JsonProcessingException e, String name, int fallback) {
    String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    JsonLocation location = e.getLocation();
    long offset = location == null ? -1 : location.getCharOffset();
    int at = (int) Math.min(text.length(), Math.max(0, offset < 0 ? fallback : offset));
    if (e instanceof StreamConstraintsException) {
      return limits(why, at);
    }
    if (e instanceof JsonEOFException) {
      return end(why, at);
    }
    if (why.startsWith("Illegal unquoted character")) {
      return control(why, at, why.endsWith("name") ? "a field name" : "text");
    }
    if (why.startsWith("Illegal character")) {
      // Between values the parser stands after the character; inside text, on it.
      boolean after = !Character.isISOControl(charAt(at)) && Character.isISOControl(charAt(at - 1));
      return control(why, after ? at - 1 : at, null);
    }
    if (why.contains("escape")) {
      return escape(at);
    }
    int start = tokenStart(at, why);
    if (text.substring(Math.min(start, text.length())).isBlank()) {
      return end(why, at);
    }
    char c = charAt(start);
    if (c == '/' && (charAt(start + 1) == '/' || charAt(start + 1) == '*')) {
      return error(start, "JSON allows no comments; remove the comment");
    }
    if (rootEnd >= 0 && open.isEmpty()) {
      return trailing(start);
    }
    StrictJson.Frame frame = open.peek();
    int prev = previous(start);
    char before = prev < 0 ? 0 : text.charAt(prev);
    if (frame == null) {
      return badValue(start);
    }
    if (c == ',' && before == ',') {
      return error(start, "two commas in a row in " + frame.label + "; remove one");
    }
    if (c == ',' && (before == '[' || before == '{')) {
      return error(start, frame.label + " starts with a comma; remove it");
    }
    if (frame.list) {
      if (before == '[' || before == ',') {
        return c == ']' && before == ',' ? extraComma(prev, frame) : badValue(start);
      }
      if (c == '}') {
        return mismatched(start, frame, '}', ']');
      }
      return missingComma(start, "after item " + frame.items + " of " + frame.label, ']');
    }
    if (before == '{' || before == ',') {
      if (c == '}' && before == ',') {
        return extraComma(prev, frame);
      }
      return c == ']' ? mismatched(start, frame, ']', '}') : fieldName(start, frame);
    }
    if (before == ':') {
      return c == '}' || c == ']' || c == ','
          ? error(start, quote(name) + " has no value; write one after the colon")
          : badValue(start);
    }
    if (why.contains("colon")) {
      return error(
          start,
          "expected : after the field name "
              + quote(name)
              + " in "
              + frame.label
              + ", but found "
              + found(start));
    }
    if (c == ']') {
      return mismatched(start, frame, ']', '}');
    }
    String last = frame.lastName != null ? frame.lastName : name;
    return missingComma(start, "after the value of " + quote(last) + " in " + frame.label, '}');
  }

  private JsonSyntaxException trailing(int at) {
    String what = root == null ? "the top-level value" : root.label;
    String ends = root == null ? "starts" : "ends";
    return error(
        at,
        what
            + " "
            + ends
            + " at "
            + where(rootEnd)
            + ", but the file goes on with "
            + found(at)
            + "; remove what follows it");
  }

  private JsonSyntaxException end(String why, int at) {
    boolean inName = why.contains("field name");
    if (inName || why.contains("string value") || why.contains("VALUE_STRING")) {
      return error(
          at,
          "the file ends inside the "
              + (inName ? "field name" : "text")
              + " that starts at "
              + where(openingQuote(at))
              + "; a closing \" is missing");
    }
    StrictJson.Frame frame = open.peek();
    if (frame == null) {
      return error(at, "the file ends in the middle of a value");
    }
    return error(
        at, "the file ends inside " + frame.label + " that opens at " + where(frame.offset));
  }

  private JsonSyntaxException limits(String why, int at) {
    Matcher limit = LIMIT.matcher(why);
    String max = limit.find() ? limit.group(1) : "the allowed";
    if (why.contains("nesting depth")) {
      return error(at, "lists and objects nest more than " + max + " levels deep here");
    }
    if (why.contains("Number value length")) {
      return error(at, "a number here has more than " + max + " digits");
    }
    if (why.contains("String value length")) {
      return error(at, "a text value here is longer than " + max + " characters");
    }
    return error(at, "the file is too large to read");
  }

  private JsonSyntaxException control(String why, int at, String inside) {
    Matcher code = CODE.matcher(why);
    int c = code.find() ? Integer.parseInt(code.group(1)) : charAt(at);
    String what =
        switch (c) {
          case '\n' -> "a line break";
          case '\r' -> "a carriage return";
          case '\t' -> "a tab";
          default -> String.format(Locale.ROOT, "the control character U+%04X", c);
        };
    if (inside == null) {
      return error(at, what + " stands between values; remove it");
    }
    String escaped =
        switch (c) {
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          default -> String.format(Locale.ROOT, "\\u%04x", c);
        };
    String end = c == '\n' || c == '\r' ? ", or end the text with \" before the line ends" : "";
    return error(at, inside + " holds " + what + "; write it as " + escaped + end);
  }

  private JsonSyntaxException escape(int at) {
    int backslash = Math.max(0, text.lastIndexOf('\\', Math.min(at, text.length() - 1)));
    int end = Character.isLetterOrDigit(charAt(at)) ? at + 1 : at;
    String sequence =
        text.substring(backslash, Math.max(backslash + 1, Math.min(end, text.length())));
    if (sequence.startsWith("\\u")) {
      return error(
          backslash,
          sequence + " is not a complete escape; \\u needs four hex digits, as in \\u00e9");
    }
    return error(
        backslash,
        sequence
            + " is not an escape JSON knows; write \\\\ for a backslash (JSON knows \\\" \\\\ \\/"
            + " \\b \\f \\n \\r \\t and \\u with four hex digits)");
  }

  private JsonSyntaxException badValue(int start) {
    char c = charAt(start);
    if (c == '\'') {
      String inner = singleQuoted(start);
      return error(
          start, "text needs double quotes: write \"" + inner + "\" instead of '" + inner + "'");
    }
    if (isTokenChar(c)) {
      String word = word(start);
      String lower = word.toLowerCase(Locale.ROOT);
      if (NOT_A_NUMBER.matcher(word).matches()) {
        return error(start, word + " is not a number JSON knows; write a number, or null");
      }
      if (lower.equals("true") || lower.equals("false") || lower.equals("null")) {
        return error(start, word + " must be written in lower case: " + lower);
      }
      if (Character.isLetter(c) || c == '_') {
        return error(
            start, word + " is not a JSON value; text needs double quotes (\"" + word + "\")");
      }
      return error(start, word + " is not a valid number; " + numberAdvice(word));
    }
    return error(
        start,
        "expected a value (text in double quotes, a number, true, false, null, an object or a"
            + " list), but found "
            + found(start));
  }

  private static String numberAdvice(String word) {
    if (word.matches("-?0\\d.*")) {
      return "remove the leading zeros";
    }
    if (word.startsWith("+")) {
      return "remove the + sign";
    }
    if (word.startsWith(".") || word.startsWith("-.")) {
      return "write a 0 before the point";
    }
    if (word.matches("-?\\d+\\.(\\D.*)?")) {
      return "write a digit after the point";
    }
    return "write numbers like 12, -3.5 or 1.2e-4";
  }

  private JsonSyntaxException fieldName(int start, StrictJson.Frame frame) {
    char c = charAt(start);
    if (c == '\'') {
      String inner = singleQuoted(start);
      return error(
          start,
          "field names need double quotes: write \"" + inner + "\" instead of '" + inner + "'");
    }
    if (isTokenChar(c)) {
      String word = word(start);
      return error(
          start, "field names need double quotes: write \"" + word + "\" instead of " + word);
    }
    return error(
        start,
        "expected a field name in double quotes in " + frame.label + ", but found " + found(start));
  }

  private JsonSyntaxException missingComma(int start, String after, char close) {
    char c = charAt(start);
    boolean valueFollows = c == '"' || c == '{' || c == '[' || isTokenChar(c);
    return error(
        start,
        "expected , or "
            + close
            + " "
            + after
            + ", but found "
            + found(start)
            + (valueFollows ? "; a comma is probably missing" : ""));
  }

  private JsonSyntaxException extraComma(int comma, StrictJson.Frame frame) {
    char close = frame.list ? ']' : '}';
    return error(
        comma,
        "the comma before "
            + close
            + " leaves an empty "
            + (frame.list ? "item" : "entry")
            + " in "
            + frame.label
            + "; remove the comma");
  }

  private JsonSyntaxException mismatched(
      int start, StrictJson.Frame frame, char found, char needed) {
    return error(
        start,
        "found "
            + found
            + " but "
            + frame.label
            + " that opens at "
            + where(frame.offset)
            + " is still open; close it with "
            + needed
            + " first");
  }

  /** Where the offending token starts: the parser reports some refusals after the token. */
  private int tokenStart(int at, String why) {
    boolean afterToken =
        why.startsWith("Unrecognized token")
            || why.startsWith("Non-standard token")
            || why.contains("numeric value");
    int start = at;
    if (afterToken || isTokenChar(charAt(start))) {
      while (start > 0 && isTokenChar(text.charAt(start - 1))) {
        start--;
      }
    }
    return start;
  }

  /** The index of the last character before {@code at} that is not white space, or -1. */
  private int previous(int at) {
    int i = at - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i;
  }

  /** The quote that opened the string the text ends in. */
  private int openingQuote(int end) {
    for (int i = Math.min(end, text.length()) - 1; i >= 0; i--) {
      if (text.charAt(i) == '"') {
        int backslashes = 0;
        while (i - backslashes - 1 >= 0 && text.charAt(i - backslashes - 1) == '\\') {
          backslashes++;
        }
        if (backslashes % 2 == 0) {
          return i;
        }
      }
    }
    return 0;
  }

  /** What stands at the offset, as a message shows it. */
  private String found(int start) {
    if (start >= text.length()) {
      return "the end of the file";
    }
    char c = text.charAt(start);
    if (c == '"') {
      int end = start + 1;
      while (end < text.length() && text.charAt(end) != '"' && end - start < 40) {
        end += text.charAt(end) == '\\' ? 2 : 1;
      }
      end = Math.min(end, text.length() - 1);
      return text.charAt(end) == '"'
          ? text.substring(start, end + 1)
          : text.substring(start, end) + "...";
    }
    if (isTokenChar(c)) {
      return "'" + word(start) + "'";
    }
    if (Character.isISOControl(c)) {
      return String.format(Locale.ROOT, "the control character U+%04X", (int) c);
    }
    return "'" + c + "'";
  }

  private String word(int start) {
    int end = start;
    while (end < text.length() && isTokenChar(text.charAt(end)) && end - start < 40) {
      end++;
    }
    return text.substring(start, end);
  }

  private String singleQuoted(int start) {
    int end = text.indexOf('\'', start + 1);
    int line = text.indexOf('\n', start + 1);
    if (end < 0 || (line >= 0 && line < end) || end - start > 40) {
      return word(start + 1);
    }
    return text.substring(start + 1, end);
  }

  private static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '+' || c == '-' || c == '_';
  }

  private char charAt(int i) {
    return i >= 0 && i < text.length() ? text.charAt(i) : 0;
  }

  private static String quote(String name) {
    return name == null ? "the field" : "\"" + name + "\"";
  }

  private String where(int offset) {
    JsonDocument.Place place = lines.place(offset);
    return "line " + place.line() + ", column " + place.column();
  }

  private JsonSyntaxException error(int offset, String message) {
    JsonDocument.Place place = lines.place(Math.max(0, Math.min(offset, text.length())));
    return new JsonSyntaxException(place.prefix() + message, place.line(), place.column());
  }
}
