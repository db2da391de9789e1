package ru.sipring.core.report.render;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A small streaming JSON writer (RFC 8259). Containers outside arrays are indented one member a line; objects
 * and arrays inside arrays are written on one line, so a detail row is one line. Not thread-safe.
 */
final class JsonWriter {
  private final Appendable out;
  // per open container: bit 0 = has elements, bit 1 = inline
  private final int[] stack = new int[32];
  private final boolean[] isArray = new boolean[32];
  private int depth;
  private boolean afterName;

  JsonWriter(Appendable out) {
    this.out = out;
  }

  JsonWriter beginObject() throws IOException {
    return begin('{', false);
  }

  JsonWriter beginArray() throws IOException {
    return begin('[', true);
  }

  JsonWriter endObject() throws IOException {
    return end('}');
  }

  JsonWriter endArray() throws IOException {
    return end(']');
  }

  private JsonWriter begin(char c, boolean array) throws IOException {
    boolean inline = depth > 0 && (isArray[depth - 1] || (stack[depth - 1] & 2) != 0);
    beforeValue();
    out.append(c);
    stack[depth] = inline ? 2 : 0;
    isArray[depth] = array;
    depth++;
    return this;
  }

  private JsonWriter end(char c) throws IOException {
    depth--;
    int f = stack[depth];
    if ((f & 1) != 0 && (f & 2) == 0) {
      newline(depth);
    }
    out.append(c);
    if (depth == 0) {
      out.append('\n');
    }
    return this;
  }

  JsonWriter name(String name) throws IOException {
    separator();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonWriter value(@Nullable String s) throws IOException {
    beforeValue();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    return this;
  }

  JsonWriter value(long v) throws IOException {
    beforeValue();
    out.append(Long.toString(v));
    return this;
  }

  JsonWriter value(double v) throws IOException {
    beforeValue();
    out.append(Double.isFinite(v) ? Fmt.number(v) : "null");
    return this;
  }

  JsonWriter value(boolean v) throws IOException {
    beforeValue();
    out.append(v ? "true" : "false");
    return this;
  }

  JsonWriter field(String name, boolean v) throws IOException {
    return name(name).value(v);
  }

  JsonWriter nullValue() throws IOException {
    beforeValue();
    out.append("null");
    return this;
  }

  JsonWriter field(String name, @Nullable String v) throws IOException {
    return name(name).value(v);
  }

  JsonWriter field(String name, long v) throws IOException {
    return name(name).value(v);
  }

  JsonWriter field(String name, double v) throws IOException {
    return name(name).value(v);
  }

  private void beforeValue() throws IOException {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      separator();
    }
  }

  private void separator() throws IOException {
    int f = stack[depth - 1];
    boolean inline = (f & 2) != 0;
    if ((f & 1) != 0) {
      out.append(',');
      if (inline) {
        out.append(' ');
      }
    }
    if (!inline) {
      newline(depth);
    }
    stack[depth - 1] = f | 1;
  }

  private void newline(int indent) throws IOException {
    out.append('\n');
    for (int i = 0; i < indent; i++) {
      out.append("  ");
    }
  }

  private void string(String s) throws IOException {
    out.append('"');
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> c < 0x20 || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : null;
      };
      if (esc != null) {
        out.append(s, start, i).append(esc);
        start = i + 1;
      }
    }
    out.append(s, start, s.length()).append('"');
  }
}
