package dev.petrel.dist;

import dev.petrel.broker.security.PasswordHash;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code bin/petrel hash-password [--iterations N]}: reads a password (from the console without
 * echo, asked twice, or else the first line of standard input) and prints the salted PBKDF2 hash to
 * put in {@code petrel.conf} as {@code user.<name>.password}. A command-line tool: it prints to
 * standard output by design. Exit status 0, or 2 for bad input.
 */
public final class HashPassword {
    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        int iterations = PasswordHash.DEFAULT_ITERATIONS;
        if (args.length == 2 && args[0].equals("--iterations")) {
            iterations = Integer.parseInt(args[1]);
        } else if (args.length != 0) {
            System.err.println("usage: petrel hash-password [--iterations N]  (password from the console or stdin)");
            System.exit(2);
        }
        char[] password = read();
        if (password == null || password.length == 0) {
            System.err.println("petrel hash-password: no password given");
            System.exit(2);
        }
        try {
            System.out.println(PasswordHash.create(password, iterations));
        } catch (IllegalArgumentException e) {
            System.err.println("petrel hash-password: " + e.getMessage());
            System.exit(2);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, again)) {
                System.err.println("petrel hash-password: the two passwords differ");
                System.exit(2);
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}
