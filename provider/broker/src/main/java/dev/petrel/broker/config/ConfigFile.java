package dev.petrel.broker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The syntax of {@code petrel.conf}: UTF-8 lines of {@code key = value}; blank lines and lines whose
 * first non-blank character is {@code #} are ignored (a {@code #} later in a line is part of the
 * value, since passwords may contain one); keys are case-sensitive and appear at most once. Keeps
 * each entry's line; syntax problems are collected, not thrown one by one. Not thread-safe.
 */
final class ConfigFile {
    /** One {@code key = value} line. */
    record Entry(String key, String value, int line) {
    }

    private final Path path;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<ConfigException.Problem> problems = new ArrayList<>();

    private ConfigFile(Path path) {
        this.path = path;
    }

    static ConfigFile read(Path path) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path, List.of(new ConfigException.Problem(path, 0,
                    "cannot read the configuration file: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
        return parse(path, lines);
    }

    static ConfigFile parse(Path path, List<String> lines) {
        ConfigFile file = new ConfigFile(path);
        for (int i = 0; i < lines.size(); i++) {
            file.parseLine(lines.get(i), i + 1);
        }
        return file;
    }

    private void parseLine(String raw, int line) {
        String text = raw.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        int equals = text.indexOf('=');
        if (equals < 0) {
            problem(line, "expected 'key = value', found no '='");
            return;
        }
        String key = text.substring(0, equals).strip();
        String value = text.substring(equals + 1).strip();
        if (key.isEmpty()) {
            problem(line, "expected 'key = value', found no key before '='");
            return;
        }
        if (!key.matches("[A-Za-z0-9_.\\-$]+")) {
            problem(line, "key '" + key + "' may contain only letters, digits and . _ - $");
            return;
        }
        Entry earlier = entries.get(key);
        if (earlier != null) {
            problem(line, "key '" + key + "' is set twice (first on line " + earlier.line() + ")");
            return;
        }
        entries.put(key, new Entry(key, value, line));
    }

    void problem(int line, String message) {
        problems.add(new ConfigException.Problem(path, line, message));
    }

    Path path() {
        return path;
    }

    Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    List<ConfigException.Problem> problems() {
        return problems;
    }
}
