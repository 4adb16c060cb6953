package org.yunjian.support;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The default file system seen through a wrapper that makes chosen files vanish between a directory's listing and the
 * look at their attributes, deterministically: the listing still names such a file; the first time anything reads its
 * attributes, {@code vanish} moves it (an upload renaming its {@code .part} to the final name in that instant) and the
 * read throws {@link NoSuchFileException}, as the real race does. Everything else is passed to the default file system.
 */
public final class VanishingFiles {

    private final Function<Path, Path> vanish;
    private final List<String> vanished = new CopyOnWriteArrayList<>();
    private final Provider provider = new Provider();
    private final Fs fs = new Fs();

    /**
     * {@code vanish} gets the real path of each file whose attributes are read; where it answers a path, the file is
     * moved there and is gone for that read; where it answers {@code null}, nothing happens.
     */
    public VanishingFiles(Function<Path, Path> vanish) {
        this.vanish = vanish;
    }

    /** {@code real} (a path of the default file system) seen through the wrapper. */
    public Path path(Path real) {
        return new P(real);
    }

    /** The names of the files that vanished so far, in order. */
    public List<String> vanished() {
        return List.copyOf(vanished);
    }

    private static Path real(Path p) {
        return p instanceof P w ? w.real : p;
    }

    private Path wrap(Path real) {
        return real == null ? null : new P(real);
    }

    private void maybeVanish(Path p) throws NoSuchFileException {
        Path real = real(p);
        Path to = Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? vanish.apply(real) : null;
        if (to != null) {
            try {
                Files.move(real, to);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            vanished.add(real.getFileName().toString());
            throw new NoSuchFileException(p.toString());
        }
    }

    private final class Provider extends FileSystemProvider {

        @Override
        public String getScheme() {
            return "vanishing";
        }

        @Override
        public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileSystem getFileSystem(URI uri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path getPath(URI uri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SeekableByteChannel newByteChannel(
                Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
            return Files.newByteChannel(real(path), options, attrs);
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
                throws IOException {
            DirectoryStream<Path> listing = Files.newDirectoryStream(real(dir));
            return new DirectoryStream<>() {
                @Override
                public Iterator<Path> iterator() {
                    List<Path> entries = new ArrayList<>();
                    for (Path e : listing) {
                        try {
                            if (filter.accept(wrap(e))) {
                                entries.add(wrap(e));
                            }
                        } catch (IOException x) {
                            throw new java.io.UncheckedIOException(x);
                        }
                    }
                    return entries.iterator();
                }

                @Override
                public void close() throws IOException {
                    listing.close();
                }
            };
        }

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            Files.createDirectory(real(dir), attrs);
        }

        @Override
        public void delete(Path path) throws IOException {
            Files.delete(real(path));
        }

        @Override
        public void copy(Path source, Path target, CopyOption... options) throws IOException {
            Files.copy(real(source), real(target), options);
        }

        @Override
        public void move(Path source, Path target, CopyOption... options) throws IOException {
            Files.move(real(source), real(target), options);
        }

        @Override
        public boolean isSameFile(Path path, Path path2) throws IOException {
            return Files.isSameFile(real(path), real(path2));
        }

        @Override
        public boolean isHidden(Path path) throws IOException {
            return Files.isHidden(real(path));
        }

        @Override
        public FileStore getFileStore(Path path) throws IOException {
            return Files.getFileStore(real(path));
        }

        @Override
        public void checkAccess(Path path, AccessMode... modes) throws IOException {
            maybeVanish(path);
            real(path).getFileSystem().provider().checkAccess(real(path), modes);
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return Files.getFileAttributeView(real(path), type, options);
        }

        @Override
        public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
                throws IOException {
            maybeVanish(path);
            return Files.readAttributes(real(path), type, options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
                throws IOException {
            maybeVanish(path);
            return Files.readAttributes(real(path), attributes, options);
        }

        @Override
        public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
            Files.setAttribute(real(path), attribute, value, options);
        }
    }

    private final class Fs extends FileSystem {

        private final FileSystem real = FileSystems.getDefault();

        @Override
        public FileSystemProvider provider() {
            return provider;
        }

        @Override
        public void close() {}

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public boolean isReadOnly() {
            return false;
        }

        @Override
        public String getSeparator() {
            return real.getSeparator();
        }

        @Override
        public Iterable<Path> getRootDirectories() {
            List<Path> roots = new ArrayList<>();
            real.getRootDirectories().forEach(r -> roots.add(wrap(r)));
            return roots;
        }

        @Override
        public Iterable<FileStore> getFileStores() {
            return real.getFileStores();
        }

        @Override
        public Set<String> supportedFileAttributeViews() {
            return real.supportedFileAttributeViews();
        }

        @Override
        public Path getPath(String first, String... more) {
            return wrap(real.getPath(first, more));
        }

        @Override
        public PathMatcher getPathMatcher(String syntaxAndPattern) {
            PathMatcher m = real.getPathMatcher(syntaxAndPattern);
            return p -> m.matches(real(p));
        }

        @Override
        public UserPrincipalLookupService getUserPrincipalLookupService() {
            return real.getUserPrincipalLookupService();
        }

        @Override
        public WatchService newWatchService() {
            throw new UnsupportedOperationException();
        }
    }

    /** A path of the wrapper: the default file system's path it stands for. */
    private final class P implements Path {

        private final Path real;

        P(Path real) {
            this.real = real;
        }

        @Override
        public FileSystem getFileSystem() {
            return fs;
        }

        @Override
        public boolean isAbsolute() {
            return real.isAbsolute();
        }

        @Override
        public Path getRoot() {
            return wrap(real.getRoot());
        }

        @Override
        public Path getFileName() {
            return wrap(real.getFileName());
        }

        @Override
        public Path getParent() {
            return wrap(real.getParent());
        }

        @Override
        public int getNameCount() {
            return real.getNameCount();
        }

        @Override
        public Path getName(int index) {
            return wrap(real.getName(index));
        }

        @Override
        public Path subpath(int beginIndex, int endIndex) {
            return wrap(real.subpath(beginIndex, endIndex));
        }

        @Override
        public boolean startsWith(Path other) {
            return other instanceof P o && real.startsWith(o.real);
        }

        @Override
        public boolean endsWith(Path other) {
            return other instanceof P o && real.endsWith(o.real);
        }

        @Override
        public Path normalize() {
            return wrap(real.normalize());
        }

        @Override
        public Path resolve(Path other) {
            return wrap(real.resolve(real(other)));
        }

        @Override
        public Path relativize(Path other) {
            return wrap(real.relativize(real(other)));
        }

        @Override
        public URI toUri() {
            return real.toUri();
        }

        @Override
        public Path toAbsolutePath() {
            return wrap(real.toAbsolutePath());
        }

        @Override
        public Path toRealPath(LinkOption... options) throws IOException {
            return wrap(real.toRealPath(options));
        }

        @Override
        public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int compareTo(Path other) {
            return real.compareTo(real(other));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof P p && p.real.equals(real);
        }

        @Override
        public int hashCode() {
            return real.hashCode();
        }

        @Override
        public String toString() {
            return real.toString();
        }
    }
}
