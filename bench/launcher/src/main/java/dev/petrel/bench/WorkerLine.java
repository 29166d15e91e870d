package dev.petrel.bench;

import java.util.Optional;

/**
 * One line of a worker's stdout, the launcher's only channel from it:
 * {@code RESULT<TAB>scenario<TAB>metric<TAB>value} or {@code FAIL<TAB>scenario<TAB>reason}.
 * Anything else on stdout is ignored (libraries' stray prints). Immutable.
 *
 * @param scenario scenario id
 * @param metric   metric name, or null for a failure
 * @param value    the measured value (NaN for a failure)
 * @param failure  the failure's reason, or null for a result
 */
public record WorkerLine(String scenario, String metric, double value, String failure) {

    public static WorkerLine result(String scenario, String metric, double value) {
        return new WorkerLine(scenario, metric, value, null);
    }

    public static WorkerLine failure(String scenario, String reason) {
        return new WorkerLine(scenario, null, Double.NaN, reason);
    }

    public boolean isFailure() {
        return failure != null;
    }

    public String format() {
        if (isFailure()) {
            return "FAIL\t" + scenario + "\t" + failure.replace('\n', ' ').replace('\t', ' ');
        }
        return "RESULT\t" + scenario + "\t" + metric + "\t" + value;
    }

    /** The line parsed, or empty when it is not a worker protocol line. */
    public static Optional<WorkerLine> parse(String line) {
        String[] parts = line.split("\t", 4);
        if (parts.length == 4 && parts[0].equals("RESULT")) {
            try {
                return Optional.of(result(parts[1], parts[2], Double.parseDouble(parts[3])));
            } catch (NumberFormatException e) {
                return Optional.of(failure(parts[1], "worker printed a non-numeric value '" + parts[3] + "' for " + parts[2]));
            }
        }
        if (parts.length >= 3 && parts[0].equals("FAIL")) {
            return Optional.of(failure(parts[1], line.substring(line.indexOf('\t', 5) + 1)));
        }
        return Optional.empty();
    }
}
