package dev.petrel.console.service;

import java.util.List;

/**
 * One message prepared for display, the same for the JSON API and the HTML page: headers and
 * properties as name/type/value rows, the body by kind. Immutable.
 *
 * @param id          the broker's handle for the message
 * @param backlog     where it waits ({@code queue 'x'} / {@code subscription ...})
 * @param headers     every JMS header, in spec order, values as text ("" when unset)
 * @param properties  every property with its Java type
 * @param body        the body
 */
public record MessageView(String id, String backlog, List<Field> headers, List<Field> properties, Body body) {

    /** A name, a type name (e.g. {@code String}, {@code Integer}) and the value as text. */
    public record Field(String name, String type, String value) {
    }

    /**
     * A body by kind: {@code NONE}, {@code TEXT}, {@code BYTES}, {@code MAP}, {@code STREAM} or {@code OBJECT}.
     *
     * @param kind      the kind
     * @param size      encoded size in bytes
     * @param text      TEXT: the text, pretty-printed when it is JSON ({@code json} true)
     * @param json      TEXT: whether the text parsed as JSON and was pretty-printed
     * @param hex       BYTES and OBJECT: hex dump of the first {@link MessageViews#MAX_HEX_BYTES} bytes
     * @param truncated BYTES and OBJECT: the hex dump stops before the end
     * @param entries   MAP: entries; STREAM: items named by index
     * @param className OBJECT: the serialized class's name, or null when unreadable
     */
    public record Body(String kind, int size, String text, boolean json, String hex, boolean truncated,
                       List<Field> entries, String className) {
    }
}
