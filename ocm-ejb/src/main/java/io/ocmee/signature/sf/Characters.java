package io.ocmee.signature.sf;

/** Character classes of RFC 8941 §3 (ABNF of RFC 5234 and tchar of RFC 9110). */
final class Characters {

    private static final String TCHAR_SPECIALS = "!#$%&'*+-.^_`|~";

    private Characters() {}

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLcAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isTchar(char c) {
        return isAlpha(c) || isDigit(c) || TCHAR_SPECIALS.indexOf(c) >= 0;
    }

    static boolean isTokenChar(char c) {
        return isTchar(c) || c == ':' || c == '/';
    }

    static boolean isKeyStart(char c) {
        return isLcAlpha(c) || c == '*';
    }

    static boolean isKeyChar(char c) {
        return isLcAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*';
    }

    static boolean isBase64Char(char c) {
        return isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=';
    }

    static boolean isToken(String text) {
        if (text.isEmpty() || !(isAlpha(text.charAt(0)) || text.charAt(0) == '*')) {
            return false;
        }
        return text.chars().allMatch(c -> isTokenChar((char) c));
    }

    static boolean isKey(String text) {
        if (text.isEmpty() || !isKeyStart(text.charAt(0))) {
            return false;
        }
        return text.chars().allMatch(c -> isKeyChar((char) c));
    }

    static String describe(char c) {
        return c >= 0x21 && c <= 0x7E ? "'" + c + "'" : "0x" + Integer.toHexString(c);
    }
}
