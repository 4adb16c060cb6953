package org.yunjian.monitoring.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The records a name resolved to, each set sorted so that two answers compare equal whatever order a server sent
 * them in: addresses in their textual form, names absolute (with the final dot) in lower case. {@link #serialize()}
 * gives one record a line ({@code A 203.0.113.10}, {@code NS ns1.example.gov.cn.}), the form in which the last
 * answer is stored, and {@link #parse(String)} reads it back.
 */
public record DnsAnswer(List<String> a, List<String> aaaa, List<String> cname, List<String> ns) {

    public static final DnsAnswer EMPTY = new DnsAnswer(List.of(), List.of(), List.of(), List.of());

    public DnsAnswer {
        a = sorted(a, false);
        aaaa = sorted(aaaa, false);
        cname = sorted(cname, true);
        ns = sorted(ns, true);
    }

    /** Every address, IPv4 first. */
    public List<String> addresses() {
        List<String> all = new ArrayList<>(a);
        all.addAll(aaaa);
        return all;
    }

    public boolean isEmpty() {
        return a.isEmpty() && aaaa.isEmpty() && cname.isEmpty() && ns.isEmpty();
    }

    /** One record a line, type and value; the empty string for an empty answer. */
    public String serialize() {
        StringBuilder out = new StringBuilder();
        append(out, "A", a);
        append(out, "AAAA", aaaa);
        append(out, "CNAME", cname);
        append(out, "NS", ns);
        return out.toString();
    }

    /**
     * Reads what {@link #serialize()} wrote; throws {@link IllegalArgumentException} on a line it did not write (a
     * stored value that was altered).
     */
    public static DnsAnswer parse(String serialized) {
        List<String> a = new ArrayList<>();
        List<String> aaaa = new ArrayList<>();
        List<String> cname = new ArrayList<>();
        List<String> ns = new ArrayList<>();
        for (String line : serialized.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split(" ", 2);
            if (parts.length != 2 || parts[1].isBlank() || parts[1].contains(" ")) {
                throw new IllegalArgumentException("DnsAnswer: " + line);
            }
            switch (parts[0]) {
                case "A" -> a.add(parts[1]);
                case "AAAA" -> aaaa.add(parts[1]);
                case "CNAME" -> cname.add(parts[1]);
                case "NS" -> ns.add(parts[1]);
                default -> throw new IllegalArgumentException("DnsAnswer: " + line);
            }
        }
        return new DnsAnswer(a, aaaa, cname, ns);
    }

    @Override
    public String toString() {
        return serialize();
    }

    private static void append(StringBuilder out, String type, List<String> values) {
        for (String v : values) {
            out.append(type).append(' ').append(v).append('\n');
        }
    }

    private static List<String> sorted(Collection<String> values, boolean names) {
        TreeSet<String> set = new TreeSet<>();
        for (String v : values) {
            String s = v.strip();
            if (names) {
                s = s.toLowerCase(Locale.ROOT);
                s = s.endsWith(".") ? s : s + ".";
            }
            set.add(s);
        }
        return List.copyOf(set);
    }
}
