package io.ocmee.signature.sf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses RFC 8941 structured field values, following the algorithms of RFC 8941 §4.2 strictly: any
 * deviation (trailing comma, tab where only a space is allowed, upper-case key, 16-digit integer,
 * non-ASCII byte …) is rejected with a {@link StructuredFieldException} that names the problem and
 * its position.
 *
 * <p>Input is the field value after the field lines have been combined with {@code ", "}. The class
 * is stateless and thread-safe; each call creates its own cursor.
 */
public final class StructuredFieldParser {

    private final String input;
    private int pos;

    private StructuredFieldParser(String input) {
        this.input = input;
    }

    /**
     * Parses a Dictionary (RFC 8941 §4.2.2). An empty or all-space value is an empty dictionary.
     *
     * @param fieldValue the combined field value
     * @return the dictionary, ordered as in the input; a repeated key keeps its first position and
     *     takes the last value, as RFC 8941 prescribes
     * @throws StructuredFieldException if the value is not a valid dictionary
     */
    public static SfDictionary parseDictionary(String fieldValue) {
        StructuredFieldParser parser = new StructuredFieldParser(fieldValue);
        parser.skipSpaces();
        SfDictionary dictionary = parser.dictionary();
        parser.requireEnd();
        return dictionary;
    }

    /**
     * Parses a List (RFC 8941 §4.2.1). An empty or all-space value is an empty list.
     *
     * @param fieldValue the combined field value
     * @return the list
     * @throws StructuredFieldException if the value is not a valid list
     */
    public static SfList parseList(String fieldValue) {
        StructuredFieldParser parser = new StructuredFieldParser(fieldValue);
        parser.skipSpaces();
        SfList list = parser.list();
        parser.requireEnd();
        return list;
    }

    /**
     * Parses an Item (RFC 8941 §4.2.3).
     *
     * @param fieldValue the field value
     * @return the item
     * @throws StructuredFieldException if the value is not exactly one valid item
     */
    public static Item parseItem(String fieldValue) {
        StructuredFieldParser parser = new StructuredFieldParser(fieldValue);
        parser.skipSpaces();
        Item item = parser.item();
        parser.requireEnd();
        return item;
    }

    private SfDictionary dictionary() {
        Map<String, Member> members = new LinkedHashMap<>();
        while (!atEnd()) {
            String key = key();
            Member member;
            if (!atEnd() && peek() == '=') {
                pos++;
                member = member();
            } else {
                member = new Item(new BareItem.SfBoolean(true), parameters());
            }
            members.put(key, member);
            if (!skipMemberSeparator()) {
                break;
            }
        }
        return new SfDictionary(members);
    }

    private SfList list() {
        List<Member> members = new ArrayList<>();
        while (!atEnd()) {
            members.add(member());
            if (!skipMemberSeparator()) {
                break;
            }
        }
        return new SfList(members);
    }

    /**
     * @return true if a separating comma was consumed and another member must follow
     */
    private boolean skipMemberSeparator() {
        skipOptionalWhitespace();
        if (atEnd()) {
            return false;
        }
        if (peek() != ',') {
            throw error("expected ',' between members but found " + Characters.describe(peek()));
        }
        pos++;
        skipOptionalWhitespace();
        if (atEnd()) {
            throw error("a trailing ',' must be followed by another member");
        }
        return true;
    }

    private Member member() {
        return !atEnd() && peek() == '(' ? innerList() : item();
    }

    private InnerList innerList() {
        pos++; // '('
        List<Item> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (atEnd()) {
                throw error("an Inner List is not closed with ')'");
            }
            if (peek() == ')') {
                pos++;
                return new InnerList(items, parameters());
            }
            items.add(item());
            if (!atEnd() && peek() != ' ' && peek() != ')') {
                throw error(
                        "expected ' ' or ')' in an Inner List but found "
                                + Characters.describe(peek()));
            }
        }
    }

    private Item item() {
        BareItem value = bareItem();
        return new Item(value, parameters());
    }

    private Parameters parameters() {
        Parameters.Builder builder = Parameters.builder();
        while (!atEnd() && peek() == ';') {
            pos++;
            skipSpaces();
            String key = key();
            BareItem value = new BareItem.SfBoolean(true);
            if (!atEnd() && peek() == '=') {
                pos++;
                value = bareItem();
            }
            builder.put(key, value);
        }
        return builder.build();
    }

    private String key() {
        if (atEnd() || !Characters.isKeyStart(peek())) {
            throw error("a key must start with a lower-case letter or '*'" + foundSuffix());
        }
        int start = pos;
        while (!atEnd() && Characters.isKeyChar(peek())) {
            pos++;
        }
        return input.substring(start, pos);
    }

    private BareItem bareItem() {
        if (atEnd()) {
            throw error("expected an Item but the value ended");
        }
        char c = peek();
        if (c == '-' || Characters.isDigit(c)) {
            return number();
        }
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            return byteSequence();
        }
        if (c == '?') {
            return bool();
        }
        if (Characters.isAlpha(c) || c == '*') {
            return token();
        }
        throw error("an Item cannot start with " + Characters.describe(c));
    }

    private BareItem number() {
        int start = pos;
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        if (atEnd() || !Characters.isDigit(peek())) {
            throw error("a number must have a digit after '-'");
        }
        int dot = -1;
        while (!atEnd() && (Characters.isDigit(peek()) || (peek() == '.' && dot < 0))) {
            if (peek() == '.') {
                dot = pos;
            }
            pos++;
        }
        String digits = input.substring(start, pos);
        int signLength = negative ? 1 : 0;
        return dot < 0 ? integer(digits, signLength, start) : decimal(digits, dot - start, start);
    }

    private BareItem integer(String text, int signLength, int start) {
        if (text.length() - signLength > 15) {
            throw new StructuredFieldException(
                    "Structured field rejected: an Integer may have at most 15 digits, at"
                            + " position "
                            + start,
                    start);
        }
        return new BareItem.SfInteger(Long.parseLong(text));
    }

    private BareItem decimal(String text, int dotOffset, int start) {
        int integerDigits = dotOffset - (text.startsWith("-") ? 1 : 0);
        int fractionDigits = text.length() - dotOffset - 1;
        if (integerDigits > 12) {
            throw error("a Decimal may have at most 12 integer digits");
        }
        if (fractionDigits < 1 || fractionDigits > 3) {
            throw error("a Decimal must have 1 to 3 fraction digits");
        }
        return new BareItem.SfDecimal(new BigDecimal(text));
    }

    private BareItem string() {
        int start = pos;
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (atEnd() || (peek() != '"' && peek() != '\\')) {
                    throw error("only '\\\"' and '\\\\' may be escaped in a String");
                }
                out.append(input.charAt(pos++));
            } else if (c == '"') {
                return new BareItem.SfString(out.toString());
            } else if (c < 0x20 || c > 0x7E) {
                pos--;
                throw error("a String may hold only printable ASCII, found " + describeAt());
            } else {
                out.append(c);
            }
        }
        throw new StructuredFieldException(
                "Structured field rejected: the String starting at position "
                        + start
                        + " is not closed",
                start);
    }

    private BareItem token() {
        int start = pos;
        pos++;
        while (!atEnd() && Characters.isTokenChar(peek())) {
            pos++;
        }
        return new BareItem.Token(input.substring(start, pos));
    }

    private BareItem byteSequence() {
        int start = ++pos;
        while (!atEnd() && peek() != ':') {
            if (!Characters.isBase64Char(peek())) {
                throw error(
                        "a Byte Sequence may hold only base64 characters, found " + describeAt());
            }
            pos++;
        }
        if (atEnd()) {
            throw new StructuredFieldException(
                    "Structured field rejected: the Byte Sequence starting at position "
                            + (start - 1)
                            + " is not closed with ':'",
                    start - 1);
        }
        String base64 = input.substring(start, pos++);
        try {
            return new BareItem.ByteSequence(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new StructuredFieldException(
                    "Structured field rejected: the Byte Sequence at position "
                            + (start - 1)
                            + " is not valid base64",
                    start - 1);
        }
    }

    private BareItem bool() {
        pos++;
        if (atEnd() || (peek() != '0' && peek() != '1')) {
            throw error("a Boolean must be ?0 or ?1");
        }
        return new BareItem.SfBoolean(input.charAt(pos++) == '1');
    }

    private void skipSpaces() {
        while (!atEnd() && peek() == ' ') {
            pos++;
        }
    }

    private void skipOptionalWhitespace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private void requireEnd() {
        skipSpaces();
        if (!atEnd()) {
            throw error("unexpected " + describeAt() + " after the value");
        }
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private char peek() {
        return input.charAt(pos);
    }

    private String describeAt() {
        return Characters.describe(peek());
    }

    private String foundSuffix() {
        return atEnd() ? " but the value ended" : ", found " + describeAt();
    }

    private StructuredFieldException error(String what) {
        return new StructuredFieldException(
                "Structured field rejected: " + what + " at position " + pos, pos);
    }
}
