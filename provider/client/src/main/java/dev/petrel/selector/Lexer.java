package dev.petrel.selector;

import jakarta.jms.InvalidSelectorException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a selector into {@link Token}s. Whitespace is Java's (space, tab, form feed, CR, LF);
 * identifiers use Java identifier characters; keywords are case-insensitive. Numbers are recognized
 * here but converted by the parser (so that {@code -9223372036854775808} can be read as one literal).
 * Stateless apart from one call's local cursor; not shared between threads.
 */
final class Lexer {

    private static final Map<String, Token.Kind> KEYWORDS = Map.ofEntries(
            Map.entry("AND", Token.Kind.AND), Map.entry("OR", Token.Kind.OR), Map.entry("NOT", Token.Kind.NOT),
            Map.entry("BETWEEN", Token.Kind.BETWEEN), Map.entry("LIKE", Token.Kind.LIKE),
            Map.entry("IN", Token.Kind.IN), Map.entry("IS", Token.Kind.IS), Map.entry("ESCAPE", Token.Kind.ESCAPE),
            Map.entry("NULL", Token.Kind.NULL), Map.entry("TRUE", Token.Kind.TRUE),
            Map.entry("FALSE", Token.Kind.FALSE));

    private final String source;
    private int pos;

    private Lexer(String source) {
        this.source = source;
    }

    /** All tokens of {@code source}, ending with an {@link Token.Kind#END} token. */
    static List<Token> tokenize(String source) throws InvalidSelectorException {
        Lexer lexer = new Lexer(source);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (!token.is(Token.Kind.END));
        return tokens;
    }

    /** Longer selectors are cut to this many characters in error messages (the column still counts from the start). */
    private static final int MAX_QUOTED = 200;

    /** An InvalidSelectorException in the one format all selector errors use. */
    static InvalidSelectorException error(String source, int offset, String message) {
        String quoted = source.length() <= MAX_QUOTED ? source : source.substring(0, MAX_QUOTED) + "...";
        return new InvalidSelectorException("selector '" + quoted + "' at column " + (offset + 1) + ": " + message);
    }

    private Token next() throws InvalidSelectorException {
        skipWhitespace();
        if (pos >= source.length()) {
            return new Token(Token.Kind.END, "", pos, pos);
        }
        int start = pos;
        char c = source.charAt(pos);
        if (c == '\'') {
            return string();
        }
        if (isDigit(c) || (c == '.' && pos + 1 < source.length() && isDigit(source.charAt(pos + 1)))) {
            return number();
        }
        int cp = source.codePointAt(pos);
        if (Character.isJavaIdentifierStart(cp)) {
            return identifierOrKeyword();
        }
        pos++;
        return switch (c) {
            case '=' -> token(Token.Kind.EQ, start);
            case '<' -> {
                if (peekIs('>')) {
                    yield token(Token.Kind.NE, start);
                }
                yield peekIs('=') ? token(Token.Kind.LE, start) : token(Token.Kind.LT, start);
            }
            case '>' -> peekIs('=') ? token(Token.Kind.GE, start) : token(Token.Kind.GT, start);
            case '+' -> token(Token.Kind.PLUS, start);
            case '-' -> token(Token.Kind.MINUS, start);
            case '*' -> token(Token.Kind.STAR, start);
            case '/' -> token(Token.Kind.SLASH, start);
            case '(' -> token(Token.Kind.LPAREN, start);
            case ')' -> token(Token.Kind.RPAREN, start);
            case ',' -> token(Token.Kind.COMMA, start);
            default -> throw error(source, start, "found unexpected " + describeChar(cp) + hint(c));
        };
    }

    private void skipWhitespace() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private boolean peekIs(char c) {
        if (pos < source.length() && source.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private Token token(Token.Kind kind, int start) {
        return new Token(kind, source.substring(start, pos), start, pos);
    }

    /** A string literal: single quotes, a doubled quote stands for one quote. The token text is the raw source. */
    private Token string() throws InvalidSelectorException {
        int start = pos;
        pos++;
        while (pos < source.length()) {
            if (source.charAt(pos) == '\'') {
                if (pos + 1 < source.length() && source.charAt(pos + 1) == '\'') {
                    pos += 2;
                    continue;
                }
                pos++;
                return token(Token.Kind.STRING, start);
            }
            pos++;
        }
        throw error(source, start, "expected a closing quote for the string literal starting here but found end of selector");
    }

    /**
     * A number in Java literal syntax: decimal, {@code 0x} hexadecimal or leading-zero octal integers
     * with an optional {@code L}; decimals with a point and/or exponent, optionally suffixed f/F/d/D.
     */
    private Token number() throws InvalidSelectorException {
        int start = pos;
        if (source.charAt(pos) == '0' && pos + 1 < source.length()
                && (source.charAt(pos + 1) == 'x' || source.charAt(pos + 1) == 'X')) {
            pos += 2;
            int digits = pos;
            while (pos < source.length() && Character.digit(source.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (pos == digits) {
                throw error(source, start, "expected hexadecimal digits after '0x' but found "
                        + (pos < source.length() ? describeChar(source.codePointAt(pos)) : "end of selector"));
            }
            acceptAny("lL");
            return token(Token.Kind.EXACT_NUMBER, start);
        }
        boolean approximate = false;
        skipDigits();
        if (pos < source.length() && source.charAt(pos) == '.') {
            approximate = true;
            pos++;
            skipDigits();
        }
        if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
            approximate = true;
            pos++;
            acceptAny("+-");
            if (pos >= source.length() || !isDigit(source.charAt(pos))) {
                throw error(source, start, "expected digits in the exponent of number "
                        + source.substring(start, pos) + " but found "
                        + (pos < source.length() ? describeChar(source.codePointAt(pos)) : "end of selector"));
            }
            skipDigits();
        }
        if (acceptAny("fFdD")) {
            approximate = true;
        } else if (!approximate) {
            acceptAny("lL");
        }
        return token(approximate ? Token.Kind.APPROXIMATE_NUMBER : Token.Kind.EXACT_NUMBER, start);
    }

    private void skipDigits() {
        while (pos < source.length() && isDigit(source.charAt(pos))) {
            pos++;
        }
    }

    private boolean acceptAny(String chars) {
        if (pos < source.length() && chars.indexOf(source.charAt(pos)) >= 0) {
            pos++;
            return true;
        }
        return false;
    }

    private Token identifierOrKeyword() {
        int start = pos;
        pos += Character.charCount(source.codePointAt(pos));
        while (pos < source.length()) {
            int cp = source.codePointAt(pos);
            if (!Character.isJavaIdentifierPart(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
        String text = source.substring(start, pos);
        Token.Kind keyword = isAsciiLetters(text) ? KEYWORDS.get(text.toUpperCase(Locale.ROOT)) : null;
        return new Token(keyword != null ? keyword : Token.Kind.IDENTIFIER, text, start, pos);
    }

    private static boolean isAsciiLetters(String text) {
        if (text.length() > 7) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String describeChar(int cp) {
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return String.format("character U+%04X", cp);
        }
        return "character '" + new String(Character.toChars(cp)) + "'";
    }

    private static String hint(char c) {
        return switch (c) {
            case '!' -> " (not-equal is written <>)";
            case '"' -> " (string literals use single quotes)";
            case '&', '|' -> " (the logical operators are AND, OR, NOT)";
            default -> "";
        };
    }
}
