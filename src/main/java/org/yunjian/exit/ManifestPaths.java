package org.yunjian.exit;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Manifest paths: relative, '/'-separated, normalised (no empty, {@code .} or {@code ..} segments, no
 * leading or trailing slash, no NUL, no backslash, no control characters). Their canonical order compares
 * segment by segment by UTF-8 bytes — the order a depth-first walk with sorted directory listings produces,
 * so a manifest and a tree can be merged in one pass with memory bounded by the tree's depth.
 */
public final class ManifestPaths {

    /** Canonical order: UTF-8 bytes, with '/' sorting before every other character. */
    public static final Comparator<String> ORDER = ManifestPaths::compare;

    private ManifestPaths() {
    }

    /** Returns {@code path} if it is a valid manifest path, else throws naming the problem. */
    public static String check(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        if (path.startsWith("/") || (path.length() >= 2 && path.charAt(1) == ':'
                && ((path.charAt(0) >= 'A' && path.charAt(0) <= 'Z') || (path.charAt(0) >= 'a' && path.charAt(0) <= 'z')))) {
            throw new IllegalArgumentException("absolute path '" + printable(path) + "'");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException("path contains NUL: '" + printable(path) + "'");
            }
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("path contains a control character: '" + printable(path) + "'");
            }
            if (c == '\\') {
                throw new IllegalArgumentException("path contains a backslash: '" + printable(path) + "'");
            }
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty()) {
                throw new IllegalArgumentException("path has an empty segment: '" + printable(path) + "'");
            }
            if (seg.equals("..")) {
                throw new IllegalArgumentException("path climbs out with '..': '" + printable(path) + "'");
            }
            if (seg.equals(".")) {
                throw new IllegalArgumentException("path is not normalised ('.'): '" + printable(path) + "'");
            }
        }
        return path;
    }

    /** Whether {@code path} passes {@link #check}. */
    public static boolean isValid(String path) {
        try {
            check(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static int compare(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int p = x[i] == '/' ? 0 : (x[i] & 0xff);
            int q = y[i] == '/' ? 0 : (y[i] & 0xff);
            if (p != q) {
                return p - q;
            }
        }
        return x.length - y.length;
    }

    /** Compares two names of the same directory by their UTF-8 bytes. */
    public static int compareNames(String a, String b) {
        return compare(a, b);
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.length() > 200 ? b.substring(0, 200) + "…" : b.toString();
    }
}
