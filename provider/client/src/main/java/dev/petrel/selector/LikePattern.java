package dev.petrel.selector;

/**
 * A compiled LIKE pattern: {@code _} matches any one character (code point), {@code %} any sequence
 * (including none), every other character itself, so regular-expression metacharacters have no
 * special meaning. The escape character makes the character after it literal. Common shapes
 * ({@code 'abc'}, {@code 'abc%'}, {@code '%abc'}, {@code '%abc%'}) use String methods; the rest use a
 * backtracking wildcard matcher that allocates nothing. Immutable and thread-safe.
 */
final class LikePattern {

    private static final int ANY_ONE = -1;
    private static final int ANY_SEQUENCE = -2;

    private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, GENERAL }

    private final String source;
    private final int escape;
    private final int[] elements;
    private final Shape shape;
    private final String literal;

    private LikePattern(String source, int escape, int[] elements, Shape shape, String literal) {
        this.source = source;
        this.escape = escape;
        this.elements = elements;
        this.shape = shape;
        this.literal = literal;
    }

    /**
     * Compiles {@code pattern}; {@code escape} is a code point or -1 for none.
     *
     * @throws IllegalArgumentException if the pattern ends with the escape character
     */
    static LikePattern compile(String pattern, int escape) {
        int[] buffer = new int[pattern.length()];
        int count = 0;
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == escape) {
                if (i >= pattern.length()) {
                    throw new IllegalArgumentException("the pattern ends with its escape character");
                }
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                buffer[count++] = escaped;
            } else if (cp == '%') {
                if (count == 0 || buffer[count - 1] != ANY_SEQUENCE) {
                    buffer[count++] = ANY_SEQUENCE;
                }
            } else if (cp == '_') {
                buffer[count++] = ANY_ONE;
            } else {
                buffer[count++] = cp;
            }
        }
        int[] elements = java.util.Arrays.copyOf(buffer, count);
        return new LikePattern(pattern, escape, elements, shapeOf(elements), literalOf(elements));
    }

    private static Shape shapeOf(int[] e) {
        int wildcards = 0;
        for (int x : e) {
            if (x == ANY_ONE) {
                return Shape.GENERAL;
            }
            if (x == ANY_SEQUENCE) {
                wildcards++;
            }
        }
        int n = e.length;
        if (wildcards == 0) {
            return Shape.EXACT;
        }
        boolean first = e[0] == ANY_SEQUENCE;
        boolean last = e[n - 1] == ANY_SEQUENCE;
        if (wildcards == 1 && last) {
            return Shape.PREFIX;
        }
        if (wildcards == 1 && first) {
            return Shape.SUFFIX;
        }
        if (wildcards == 2 && first && last && n > 1) {
            return Shape.CONTAINS;
        }
        return Shape.GENERAL;
    }

    private static String literalOf(int[] e) {
        StringBuilder text = new StringBuilder();
        for (int x : e) {
            if (x >= 0) {
                text.appendCodePoint(x);
            }
        }
        return text.toString();
    }

    boolean matches(String s) {
        return switch (shape) {
            case EXACT -> s.equals(literal);
            case PREFIX -> s.startsWith(literal);
            case SUFFIX -> s.endsWith(literal);
            case CONTAINS -> s.contains(literal);
            case GENERAL -> matchesGeneral(s);
        };
    }

    /** Wildcard matching that, on a mismatch, retries from one character further after the last %. */
    private boolean matchesGeneral(String s) {
        int length = s.length();
        int si = 0;
        int pi = 0;
        int starPattern = -1;
        int starString = 0;
        while (si < length) {
            if (pi < elements.length && elements[pi] == ANY_SEQUENCE) {
                starPattern = pi++;
                starString = si;
                continue;
            }
            if (pi < elements.length) {
                int cp = s.codePointAt(si);
                if (elements[pi] == ANY_ONE || elements[pi] == cp) {
                    si += Character.charCount(cp);
                    pi++;
                    continue;
                }
            }
            if (starPattern < 0) {
                return false;
            }
            pi = starPattern + 1;
            starString += Character.charCount(s.codePointAt(starString));
            si = starString;
        }
        while (pi < elements.length && elements[pi] == ANY_SEQUENCE) {
            pi++;
        }
        return pi == elements.length;
    }

    @Override
    public String toString() {
        String text = Literal.quote(source);
        return escape < 0 ? text : text + " ESCAPE " + Literal.quote(new String(Character.toChars(escape)));
    }
}
