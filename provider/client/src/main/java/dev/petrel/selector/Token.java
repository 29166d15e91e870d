package dev.petrel.selector;

/**
 * One lexical token of a selector. {@code start}/{@code end} are 0-based source offsets (end
 * exclusive); error messages report {@code start + 1} as the column. Immutable.
 */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        IDENTIFIER, STRING, EXACT_NUMBER, APPROXIMATE_NUMBER,
        // keywords (case-insensitive)
        AND, OR, NOT, BETWEEN, LIKE, IN, IS, ESCAPE, NULL, TRUE, FALSE,
        // punctuation
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, LPAREN, RPAREN, COMMA,
        END
    }

    int column() {
        return start + 1;
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** How the token reads in an error message: {@code 'AND'}, {@code identifier 'x'}, {@code end of selector}. */
    String describe() {
        return switch (kind) {
            case END -> "end of selector";
            case IDENTIFIER -> "identifier '" + text + "'";
            case STRING -> "string " + text;
            case EXACT_NUMBER, APPROXIMATE_NUMBER -> "number " + text;
            default -> "'" + text + "'";
        };
    }
}
