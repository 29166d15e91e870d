package dev.petrel.bench;

public final class BenchLauncher {
    public static void main(String[] args) {
    }
}
