package io.ocmee.rest.pages;

import java.util.Objects;

/**
 * A tiny HTML writer that escapes every value it is given. Markup is added with {@link #raw}, which
 * callers use only for constant tags; all text and attribute values go through {@link #text} and
 * {@link #attr}, so peer-provided names, paths and messages can never inject markup.
 *
 * <p>Not thread-safe; one instance per page.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(4096);

    /**
     * @param markup constant markup, never data
     * @return this writer
     */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /**
     * @param value text content, escaped; {@code null} writes nothing
     * @return this writer
     */
    Html text(Object value) {
        out.append(escape(value == null ? "" : value.toString()));
        return this;
    }

    /**
     * Writes {@code name="value"} with the value escaped.
     *
     * @param name a constant attribute name
     * @param value its value
     * @return this writer
     */
    Html attr(String name, Object value) {
        out.append(' ').append(name).append("=\"").append(escape(Objects.toString(value, "")));
        out.append('"');
        return this;
    }

    /**
     * @param tag a constant tag name
     * @param value its text content, escaped
     * @return this writer
     */
    Html element(String tag, Object value) {
        return raw("<" + tag + ">").text(value).raw("</" + tag + ">");
    }

    /**
     * @param name form field name
     * @param value its value
     * @return this writer
     */
    Html hidden(String name, Object value) {
        return raw("<input type=\"hidden\"").attr("name", name).attr("value", value).raw(">");
    }

    /**
     * @param value any text
     * @return the text with {@code & < > " '} replaced by character references and control
     *     characters other than tab and line breaks dropped
     */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
