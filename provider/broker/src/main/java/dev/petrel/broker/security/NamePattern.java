package dev.petrel.broker.security;

import java.util.regex.Pattern;

/**
 * A destination name pattern: {@code *} matches any run of characters (dots included), every other
 * character matches itself. Immutable and thread-safe.
 */
public record NamePattern(String text) {

    public NamePattern {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a destination pattern must not be blank");
        }
    }

    public boolean matches(String name) {
        return compiled().matcher(name).matches();
    }

    private Pattern compiled() {
        StringBuilder regex = new StringBuilder();
        String[] parts = text.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
