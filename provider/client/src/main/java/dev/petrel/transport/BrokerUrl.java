package dev.petrel.transport;

import jakarta.jms.JMSException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed broker URL: {@code vm://name?opt=value}, {@code tcp://host:port?opt=value}, or a composite
 * {@code failover:(url1,url2)?opt=value} whose members are themselves broker URLs. Immutable.
 *
 * @param text    the URL as given
 * @param scheme  its scheme in lower case ({@code vm}, {@code tcp}, {@code failover})
 * @param uri     the URL without its query (for composites: the first member's URI)
 * @param options the query options in order; later duplicates win
 * @param members for a composite URL its member URLs, otherwise empty
 */
public record BrokerUrl(String text, String scheme, URI uri, Map<String, String> options, List<BrokerUrl> members) {

    public BrokerUrl {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        members = List.copyOf(members);
    }

    /** True for {@code failover:(...)} style URLs. */
    public boolean isComposite() {
        return !members.isEmpty();
    }

    /** An option's value, or {@code defaultValue} when absent. */
    public String option(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    /**
     * Parses a broker URL.
     *
     * @throws JMSException saying what is wrong with the URL
     */
    public static BrokerUrl parse(String text) throws JMSException {
        if (text == null || text.isBlank()) {
            throw new JMSException("broker URL is " + (text == null ? "null" : "blank")
                    + "; expected e.g. vm://broker or tcp://host:61616");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon <= 0) {
            throw new JMSException("broker URL '" + text + "' has no scheme; expected e.g. vm://broker or tcp://host:61616");
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String rest = trimmed.substring(colon + 1);
        if (rest.startsWith("(")) {
            return parseComposite(text, scheme, rest);
        }
        if (!rest.startsWith("//")) {
            throw new JMSException("broker URL '" + text + "' must have the form scheme://authority[?options]");
        }
        int query = trimmed.indexOf('?');
        String base = query < 0 ? trimmed : trimmed.substring(0, query);
        Map<String, String> options = query < 0 ? Map.of() : parseQuery(text, trimmed.substring(query + 1));
        try {
            URI uri = new URI(base);
            if (uri.getAuthority() == null || uri.getAuthority().isEmpty()) {
                throw new JMSException("broker URL '" + text + "' has no broker name or host after '//'");
            }
            return new BrokerUrl(text, scheme, uri, options, List.of());
        } catch (URISyntaxException e) {
            JMSException jmsException = new JMSException("broker URL '" + text + "' is not a valid URI: " + e.getMessage());
            jmsException.initCause(e);
            throw jmsException;
        }
    }

    private static BrokerUrl parseComposite(String text, String scheme, String rest) throws JMSException {
        int close = rest.lastIndexOf(')');
        if (close < 0) {
            throw new JMSException("composite broker URL '" + text + "' has no closing ')'");
        }
        String inner = rest.substring(1, close);
        String after = rest.substring(close + 1);
        Map<String, String> options;
        if (after.isEmpty()) {
            options = Map.of();
        } else if (after.startsWith("?")) {
            options = parseQuery(text, after.substring(1));
        } else {
            throw new JMSException("composite broker URL '" + text + "' has '" + after + "' after ')'; expected ?options");
        }
        List<BrokerUrl> members = new ArrayList<>();
        for (String member : splitTopLevel(inner)) {
            members.add(parse(member.trim()));
        }
        if (members.isEmpty()) {
            throw new JMSException("composite broker URL '" + text + "' lists no broker URLs between '(' and ')'");
        }
        return new BrokerUrl(text, scheme, members.get(0).uri(), options, members);
    }

    private static List<String> splitTopLevel(String inner) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        if (start < inner.length()) {
            parts.add(inner.substring(start));
        }
        parts.removeIf(String::isBlank);
        return parts;
    }

    private static Map<String, String> parseQuery(String text, String query) throws JMSException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new JMSException("broker URL '" + text + "' has option '" + pair + "' without a name=value form");
            }
            options.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return options;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text;
    }
}
