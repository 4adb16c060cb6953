package org.yunjian.exit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.yunjian.exit.FileEntry;
import org.yunjian.exit.ManifestException;

/**
 * A directory tree walked depth first with each directory's names sorted by UTF-8 bytes, which yields the
 * canonical manifest order. Symbolic links are followed only when their target lies inside the tree;
 * links leading out, broken links, loops, special files (FIFOs, sockets, devices) and unlistable
 * directories are reported as unreadable items, never silently skipped. Memory: the sorted names of
 * the directories on the current path.
 */
public final class DirectorySource implements Source {

    private final Path root;
    private final Path realRoot;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Set<Path> onPath = new HashSet<>();
    private String skipThrough;

    private record Frame(String prefix, Path real, Iterator<String> names) {}

    public DirectorySource(Path root) {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.root)) {
            throw new ManifestException("exit.directory.notDirectory", String.valueOf(root));
        }
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new ManifestException(
                    e, "exit.directory.unopenable", String.valueOf(root), String.valueOf(e.getMessage()));
        }
        onPath.add(realRoot);
        try {
            stack.push(new Frame("", realRoot, list(realRoot).iterator()));
        } catch (IOException e) {
            throw new ManifestException(
                    e, "exit.directory.unlistable", String.valueOf(root), String.valueOf(e.getMessage()));
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void skipThrough(String path) {
        this.skipThrough = path;
    }

    @Override
    public List<Item> nextGroup() throws IOException {
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (!f.names().hasNext()) {
                stack.pop();
                onPath.remove(f.real());
                continue;
            }
            String name = f.names().next();
            String rel = f.prefix() + name;
            Path p = root.resolve(rel);
            if (!ManifestPaths.isValid(rel)) {
                if (!skipped(rel)) {
                    return List.of(new Item(sanitise(rel), null, null, -1, FileEntry.INVALID_NAME));
                }
                continue;
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue; // vanished while walking
            }
            Path real = null;
            if (attrs.isSymbolicLink()) {
                try {
                    real = p.toRealPath();
                } catch (IOException e) {
                    if (isLoop(e)) {
                        return unlessSkipped(rel, FileEntry.SYMLINK_LOOP);
                    }
                    return unlessSkipped(rel, FileEntry.BROKEN_SYMLINK);
                }
                if (!real.startsWith(realRoot)) {
                    return unlessSkipped(rel, FileEntry.SYMLINK_OUTSIDE);
                }
                attrs = Files.readAttributes(real, BasicFileAttributes.class);
            }
            if (attrs.isDirectory()) {
                Path r = real != null ? real : p.toRealPath();
                if (onPath.contains(r)) {
                    return unlessSkipped(rel, FileEntry.SYMLINK_LOOP);
                }
                if (skipThrough != null
                        && ManifestPaths.compare(rel, skipThrough) < 0
                        && !skipThrough.startsWith(rel + "/")) {
                    continue; // the whole directory was done before
                }
                try {
                    List<String> names = list(r);
                    stack.push(new Frame(rel + "/", r, names.iterator()));
                    onPath.add(r);
                } catch (IOException e) {
                    return unlessSkipped(
                            rel, FileEntry.error(FileEntry.UNLISTABLE_DIRECTORY, String.valueOf(e.getMessage())));
                }
                continue;
            }
            if (skipped(rel)) {
                continue;
            }
            if (!attrs.isRegularFile()) {
                return List.of(new Item(
                        rel, null, null, -1, attrs.isOther() ? FileEntry.SPECIAL_FILE : FileEntry.NOT_REGULAR_FILE));
            }
            return List.of(new Item(rel, null, null, attrs.size(), null));
        }
        return null;
    }

    private boolean skipped(String rel) {
        return skipThrough != null && ManifestPaths.compare(rel, skipThrough) <= 0;
    }

    private List<Item> unlessSkipped(String rel, String error) throws IOException {
        if (skipped(rel)) {
            return nextGroup();
        }
        return List.of(new Item(rel, null, null, -1, error));
    }

    private static boolean isLoop(IOException e) {
        return e instanceof java.nio.file.FileSystemException fse
                && fse.getReason() != null
                && fse.getReason().toLowerCase(java.util.Locale.ROOT).contains("too many levels");
    }

    private static String sanitise(String rel) {
        StringBuilder b = new StringBuilder();
        for (char c : rel.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f || c == '\\' ? '?' : c);
        }
        String s = b.toString().replace("//", "/?/");
        return ManifestPaths.isValid(s) ? s : "invalid-name-" + Integer.toHexString(rel.hashCode());
    }

    @Override
    public InputStream open(Item item) throws IOException {
        return Files.newInputStream(readable(item), LinkOption.NOFOLLOW_LINKS);
    }

    /** A seek to {@code offset}, then {@code length} bytes. */
    @Override
    public InputStream open(Item item, long offset, long length) throws IOException {
        java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(
                readable(item), java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            ch.position(offset);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return Source.Bounded.of(java.nio.channels.Channels.newInputStream(ch), length);
    }

    /** The regular file to open for an item: itself, or the target of a link that stays inside the tree. */
    private Path readable(Item item) throws IOException {
        Path p = root.resolve(item.path());
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isRegularFile()) {
            // the common case: no link to resolve (realpath() costs a system call per path component)
            return p;
        }
        if (!a.isSymbolicLink() || !Files.isRegularFile(p)) {
            throw new Source.Unreadable(FileEntry.NOT_REGULAR_FILE);
        }
        Path real = p.toRealPath();
        if (!real.startsWith(realRoot)) {
            throw new Source.Unreadable(FileEntry.SYMLINK_OUTSIDE);
        }
        return real;
    }

    private static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
                names.add(c.getFileName().toString());
            }
        }
        names.sort(ManifestPaths::compareNames);
        return names;
    }
}
