package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The property conversion table of Jakarta Messaging 3.1, section 3.5.4: every row and column. */
class PropertyConversionTest {
    private static final List<String> TYPES =
            List.of("boolean", "byte", "short", "int", "long", "float", "double", "String");

    /** Written type → the types it may be read as. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "boolean", Set.of("boolean", "String"),
            "byte", Set.of("byte", "short", "int", "long", "String"),
            "short", Set.of("short", "int", "long", "String"),
            "int", Set.of("int", "long", "String"),
            "long", Set.of("long", "String"),
            "float", Set.of("float", "double", "String"),
            "double", Set.of("double", "String"),
            "String", Set.copyOf(TYPES));

    /** A value of the written type that converts cleanly to the read type where allowed. */
    private static Object valueOf(String written, String read) {
        return switch (written) {
            case "boolean" -> true;
            case "byte" -> (byte) 12;
            case "short" -> (short) 12;
            case "int" -> 12;
            case "long" -> 12L;
            case "float" -> 12.5f;
            case "double" -> 12.5d;
            default -> switch (read) {
                case "boolean" -> "true";
                case "float", "double" -> "12.5";
                default -> "12";
            };
        };
    }

    private static Object expected(String written, String read) {
        Object v = valueOf(written, read);
        return switch (read) {
            case "boolean" -> true;
            case "byte" -> (byte) 12;
            case "short" -> (short) 12;
            case "int" -> 12;
            case "long" -> 12L;
            case "float" -> 12.5f;
            case "double" -> written.equals("float") || written.equals("double") || written.equals("String") ? 12.5d : 12d;
            default -> v.toString();
        };
    }

    private static Object get(PetrelMessage m, String type, String name) throws JMSException {
        return switch (type) {
            case "boolean" -> m.getBooleanProperty(name);
            case "byte" -> m.getByteProperty(name);
            case "short" -> m.getShortProperty(name);
            case "int" -> m.getIntProperty(name);
            case "long" -> m.getLongProperty(name);
            case "float" -> m.getFloatProperty(name);
            case "double" -> m.getDoubleProperty(name);
            default -> m.getStringProperty(name);
        };
    }

    private static void set(PetrelMessage m, String type, String name, Object value) throws JMSException {
        switch (type) {
            case "boolean" -> m.setBooleanProperty(name, (Boolean) value);
            case "byte" -> m.setByteProperty(name, (Byte) value);
            case "short" -> m.setShortProperty(name, (Short) value);
            case "int" -> m.setIntProperty(name, (Integer) value);
            case "long" -> m.setLongProperty(name, (Long) value);
            case "float" -> m.setFloatProperty(name, (Float) value);
            case "double" -> m.setDoubleProperty(name, (Double) value);
            default -> m.setStringProperty(name, (String) value);
        }
    }

    static Stream<Arguments> allowedCells() {
        List<Arguments> cells = new ArrayList<>();
        for (String written : TYPES) {
            for (String read : TYPES) {
                if (ALLOWED.get(written).contains(read)) {
                    cells.add(Arguments.of(written, read));
                }
            }
        }
        return cells.stream();
    }

    static Stream<Arguments> forbiddenCells() {
        List<Arguments> cells = new ArrayList<>();
        for (String written : TYPES) {
            for (String read : TYPES) {
                if (!ALLOWED.get(written).contains(read)) {
                    cells.add(Arguments.of(written, read));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "a {0} property can be read as {1}")
    @MethodSource("allowedCells")
    void anAllowedConversionReturnsTheConvertedValue(String written, String read) throws JMSException {
        PetrelMessage m = new PetrelMessage();
        set(m, written, "p", valueOf(written, read));
        assertEquals(expected(written, read), get(m, read, "p"));
    }

    @ParameterizedTest(name = "a {0} property cannot be read as {1}")
    @MethodSource("forbiddenCells")
    void aForbiddenConversionThrowsMessageFormatException(String written, String read) throws JMSException {
        PetrelMessage m = new PetrelMessage();
        set(m, written, "p", valueOf(written, read));
        assertThrows(MessageFormatException.class, () -> get(m, read, "p"));
    }

    @ParameterizedTest(name = "a {0} property read back as an object keeps its type")
    @MethodSource("writtenTypes")
    void getObjectPropertyReturnsTheObjectifiedValue(String written) throws JMSException {
        PetrelMessage m = new PetrelMessage();
        set(m, written, "p", valueOf(written, written));
        assertEquals(valueOf(written, written), m.getObjectProperty("p"));
    }

    static Stream<String> writtenTypes() {
        return TYPES.stream();
    }

    @ParameterizedTest(name = "a non-numeric String read as {0} throws NumberFormatException")
    @MethodSource("numericTypes")
    void aNonNumericStringReadAsANumberThrowsNumberFormatException(String read) throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setStringProperty("p", "twelve");
        assertThrows(NumberFormatException.class, () -> get(m, read, "p"));
    }

    static Stream<String> numericTypes() {
        return Stream.of("byte", "short", "int", "long", "float", "double");
    }

    @Test
    void aStringThatIsNotTrueReadsAsFalse() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setStringProperty("p", "yes");
        assertFalse(m.getBooleanProperty("p"));
    }

    @Test
    void theStringTrueReadsAsTrueIgnoringCase() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setStringProperty("p", "TrUe");
        assertEquals(true, m.getBooleanProperty("p"));
    }

    @Test
    void aMissingPropertyReadsAsFalseForBoolean() throws JMSException {
        assertFalse(new PetrelMessage().getBooleanProperty("missing"));
    }

    @Test
    void aMissingPropertyReadsAsNullForString() throws JMSException {
        assertNull(new PetrelMessage().getStringProperty("missing"));
    }

    @Test
    void aMissingPropertyReadsAsNullForObject() {
        assertNull(new PetrelMessage().getObjectProperty("missing"));
    }

    @ParameterizedTest(name = "a missing property read as {0} throws NumberFormatException")
    @MethodSource("integralTypes")
    void aMissingPropertyReadAsAnIntegralTypeThrowsNumberFormatException(String read) {
        assertThrows(NumberFormatException.class, () -> get(new PetrelMessage(), read, "missing"));
    }

    static Stream<String> integralTypes() {
        return Stream.of("byte", "short", "int", "long");
    }

    /** Float.valueOf(null) and Double.valueOf(null) throw NullPointerException, as the TCK expects. */
    @ParameterizedTest(name = "a missing property read as {0} throws NullPointerException like valueOf(null)")
    @MethodSource("floatingTypes")
    void aMissingPropertyReadAsAFloatingTypeThrowsNullPointerException(String read) {
        assertThrows(NullPointerException.class, () -> get(new PetrelMessage(), read, "missing"));
    }

    static Stream<String> floatingTypes() {
        return Stream.of("float", "double");
    }

    @Test
    void anOutOfRangeStringReadAsByteThrowsNumberFormatException() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setStringProperty("p", "300");
        assertThrows(NumberFormatException.class, () -> m.getByteProperty("p"));
    }
}
