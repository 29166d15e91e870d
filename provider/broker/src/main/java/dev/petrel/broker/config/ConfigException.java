package dev.petrel.broker.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration file is unreadable or invalid: carries EVERY problem found, each with its line.
 */
public final class ConfigException extends Exception {
    private final transient List<Problem> problems;

    /** One problem: the file, its line (0 when it is about the whole file), and what is wrong. */
    public record Problem(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    public ConfigException(Path file, List<Problem> problems) {
        super(summary(file, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(Path file, List<Problem> problems) {
        StringBuilder text = new StringBuilder("configuration " + file + " has " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:"));
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
