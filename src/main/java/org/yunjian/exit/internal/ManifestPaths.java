package org.yunjian.exit.internal;

import java.util.Comparator;
import org.yunjian.exit.InvalidInputException;

/**
 * Manifest paths: relative, '/'-separated, normalised (no empty, {@code .} or {@code ..} segments, no
 * leading or trailing slash, no NUL, no backslash, no control characters). Their canonical order compares
 * segment by segment by UTF-8 bytes — the order a depth-first walk with sorted directory listings produces,
 * so a manifest and a tree can be merged in one pass with memory bounded by the tree's depth.
 */
public final class ManifestPaths {

    /** Canonical order: UTF-8 bytes, with '/' sorting before every other character. */
    public static final Comparator<String> ORDER = ManifestPaths::compare;

    private ManifestPaths() {}

    /** Returns {@code path} if it is a valid manifest path, else throws naming the problem. */
    public static String check(String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidInputException("exit.path.empty");
        }
        if (path.startsWith("/")
                || (path.length() >= 2
                        && path.charAt(1) == ':'
                        && ((path.charAt(0) >= 'A' && path.charAt(0) <= 'Z')
                                || (path.charAt(0) >= 'a' && path.charAt(0) <= 'z')))) {
            throw new InvalidInputException("exit.path.absolute", printable(path));
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0) {
                throw new InvalidInputException("exit.path.nul", printable(path));
            }
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidInputException("exit.path.control", printable(path));
            }
            if (c == '\\') {
                throw new InvalidInputException("exit.path.backslash", printable(path));
            }
        }
        for (int start = 0; start <= path.length(); ) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int len = end - start;
            if (len == 0) {
                throw new InvalidInputException("exit.path.emptySegment", printable(path));
            }
            if (len == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                throw new InvalidInputException("exit.path.dotDot", printable(path));
            }
            if (len == 1 && path.charAt(start) == '.') {
                throw new InvalidInputException("exit.path.dot", printable(path));
            }
            start = end + 1;
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

    /**
     * Canonical order without encoding: UTF-8 byte order is code point order, so the strings are compared by
     * code point, '/' first, a lone surrogate as the '?' that UTF-8 encoding would write for it.
     */
    public static int compare(String a, String b) {
        int n = a.length();
        int m = b.length();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            char c = a.charAt(i);
            char d = b.charAt(j);
            if (c == d && !Character.isSurrogate(c)) {
                i++;
                j++;
                continue;
            }
            int p = a.codePointAt(i);
            int q = b.codePointAt(j);
            i += Character.charCount(p);
            j += Character.charCount(q);
            int r = rank(p) - rank(q);
            if (r != 0) {
                return r;
            }
        }
        return (i < n ? 1 : 0) - (j < m ? 1 : 0);
    }

    private static int rank(int codePoint) {
        if (codePoint == '/') {
            return 0;
        }
        return Character.isSurrogate((char) codePoint) && codePoint <= Character.MAX_VALUE ? '?' : codePoint;
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
