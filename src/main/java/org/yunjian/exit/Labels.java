package org.yunjian.exit;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Sensitivity and description per path, from glob rules. A label file has one rule per line:
 * {@code <glob> <敏感|公开|sensitive|public> [description]} (tab or spaces; {@code #} comments). The last
 * matching rule wins; paths no rule matches get the default — 敏感 unless told otherwise, since marking
 * sensitive data public is the dangerous mistake.
 */
public final class Labels {

    private record Rule(String glob, PathMatcher matcher, Sensitivity sensitivity, String description) {}

    private final List<Rule> rules = new ArrayList<>();
    private final Sensitivity fallback;

    public Labels(Sensitivity fallback) {
        this.fallback = fallback;
    }

    public Labels add(String glob, Sensitivity s, String description) {
        rules.add(new Rule(glob, FileSystems.getDefault().getPathMatcher("glob:" + glob), s, description));
        return this;
    }

    public Labels addFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ManifestException(
                    e, "exit.labels.unreadable", String.valueOf(file), String.valueOf(e.getMessage()));
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+", 3);
            if (f.length < 2) {
                throw new ManifestException(
                        "exit.labels.line", String.valueOf(file), (long) i + 1, new ExitText("exit.labels.expected"));
            }
            try {
                add(f[0], Sensitivity.parse(f[1]), f.length > 2 ? f[2] : null);
            } catch (IllegalArgumentException e) {
                throw new ManifestException("exit.labels.line", String.valueOf(file), (long) i + 1, ExitText.of(e));
            }
        }
        return this;
    }

    public Sensitivity sensitivity(String path) {
        Sensitivity s = fallback;
        Path p = Path.of(path);
        for (Rule r : rules) {
            if (r.matcher().matches(p)) {
                s = r.sensitivity();
            }
        }
        return s;
    }

    public String description(String path) {
        String d = null;
        Path p = Path.of(path);
        for (Rule r : rules) {
            if (r.matcher().matches(p) && r.description() != null) {
                d = r.description();
            }
        }
        return d;
    }
}
