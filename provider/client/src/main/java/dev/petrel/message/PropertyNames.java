package dev.petrel.message;

import java.util.Locale;
import java.util.Set;

/**
 * The rules for JMS property names (Jakarta Messaging 3.1, 3.5.1 and 3.8.1.1): a Java identifier
 * that is not a selector keyword, and, among the {@code JMSX} names, only the ones an application may
 * set. Stateless.
 */
public final class PropertyNames {
    /** {@code JMSXDeliveryCount}: set by the provider on received messages. */
    public static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";
    public static final String JMSX_GROUP_ID = "JMSXGroupID";
    public static final String JMSX_GROUP_SEQ = "JMSXGroupSeq";

    private static final Set<String> KEYWORDS = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    private PropertyNames() {
    }

    /** @throws IllegalArgumentException when the name is null, empty, not a Java identifier or a selector keyword */
    public static void validate(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a property name must not be " + (name == null ? "null" : "empty"));
        }
        if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
            throw new IllegalArgumentException("property name '" + name
                    + "' is not a Java identifier: it must start with a letter, '_' or '$'");
        }
        for (int i = Character.charCount(name.codePointAt(0)); i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(cp)) {
                throw new IllegalArgumentException("property name '" + name + "' is not a Java identifier: character '"
                        + new String(Character.toChars(cp)) + "' at index " + i + " is not allowed");
            }
            i += Character.charCount(cp);
        }
        if (KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("property name '" + name
                    + "' is a message selector keyword (NULL, TRUE, FALSE, NOT, AND, OR, BETWEEN, LIKE, IN, IS, ESCAPE)");
        }
    }

    /** True for the JMSX names only the provider sets (every JMSX name except JMSXGroupID and JMSXGroupSeq). */
    public static boolean isProviderOnly(String name) {
        return name.startsWith("JMSX") && !JMSX_GROUP_ID.equals(name) && !JMSX_GROUP_SEQ.equals(name);
    }
}
