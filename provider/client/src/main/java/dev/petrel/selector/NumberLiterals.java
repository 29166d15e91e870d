package dev.petrel.selector;

import jakarta.jms.InvalidSelectorException;

/**
 * Converts number tokens to their values with Java literal rules: exact numbers are longs
 * (decimal, {@code 0x} hexadecimal, leading-zero octal, optional {@code L}); approximate numbers are
 * doubles, except that an {@code f}/{@code F} suffix rounds to float precision first, as the Java
 * literal {@code 1.1f} would be. Stateless.
 */
final class NumberLiterals {

    private NumberLiterals() {
    }

    /** The value of a number token, negated when a unary minus precedes it (so that Long.MIN_VALUE parses). */
    static Object value(String source, Token token, boolean negate) throws InvalidSelectorException {
        String text = token.text();
        if (token.is(Token.Kind.APPROXIMATE_NUMBER)) {
            boolean isFloat = text.endsWith("f") || text.endsWith("F");
            double value = isFloat ? Float.parseFloat(text) : Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw Lexer.error(source, token.start(), "expected a number within the range of a "
                        + (isFloat ? "float" : "double") + " but found " + text);
            }
            return Double.valueOf(negate ? -value : value);
        }
        String digits = text.endsWith("L") || text.endsWith("l") ? text.substring(0, text.length() - 1) : text;
        boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
        boolean octal = !hex && digits.length() > 1 && digits.startsWith("0");
        try {
            if (hex || octal) {
                long value = Long.parseUnsignedLong(digits.substring(hex ? 2 : 1), hex ? 16 : 8);
                return Long.valueOf(negate ? -value : value);
            }
            return Long.valueOf(Long.parseLong(negate ? "-" + digits : digits));
        } catch (NumberFormatException e) {
            String why = octal && digits.chars().anyMatch(c -> c == '8' || c == '9')
                    ? " (a leading 0 makes it octal)" : "";
            throw Lexer.error(source, token.start(), "expected an integer within the range of a long ("
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ") but found " + (negate ? "-" : "") + text + why);
        }
    }

    /** The negation of a folded Long or Double constant. */
    static Object negate(Object number) {
        if (number instanceof Long l) {
            return Long.valueOf(-l);
        }
        return Double.valueOf(-(Double) number);
    }
}
