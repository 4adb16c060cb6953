package org.yunjian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape rules' list of places that still break them, {@code src/test/resources/shape/known-violations.txt}: one
 * line per violation, {@code <rule> <module> <what>  # why it is still there}, the rule being one of
 * {@code table-writer}, {@code template}, {@code bundle-name}, {@code bundle-read}. The list only shrinks: a violation
 * not on it fails its rule test, and so does a line that no longer names a violation (delete it once it is fixed).
 */
final class KnownViolations {

    static final Path FILE = Path.of("src/test/resources/shape/known-violations.txt");

    private KnownViolations() {}

    /** The listed violations of {@code rule}, each as {@code <module> <what>}. */
    static Set<String> of(String rule) {
        try {
            return of(rule, Files.readAllLines(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> of(String rule, List<String> lines) {
        Set<String> out = new TreeSet<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String entry = (hash < 0 ? line : line.substring(0, hash)).trim();
            if (entry.startsWith(rule + " ")) {
                out.add(entry.substring(rule.length()).trim().replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    /** What is wrong when {@code found} (the violations the scan sees) is held against {@code listed}. */
    static List<String> compare(String rule, Set<String> found, Set<String> listed) {
        List<String> problems = new ArrayList<>();
        found.stream().filter(f -> !listed.contains(f)).forEach(f -> problems.add("new violation: " + rule + " " + f));
        listed.stream()
                .filter(l -> !found.contains(l))
                .forEach(l -> problems.add("fixed, delete its line from " + FILE + ": " + rule + " " + l));
        return problems;
    }

    /** The module a main source file belongs to: the package segment below {@code org/yunjian}, or null. */
    static String moduleOf(String fileBelowSourceRoot) {
        String[] parts = fileBelowSourceRoot.split("/");
        return parts.length > 3 && parts[0].equals("org") && parts[1].equals("yunjian") ? parts[2] : null;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
