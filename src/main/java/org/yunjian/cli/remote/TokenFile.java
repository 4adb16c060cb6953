package org.yunjian.cli.remote;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The server and API token that {@code yunjian login} keeps for later commands: {@code yunjian/credentials} in the
 * user's configuration directory ({@code $XDG_CONFIG_HOME}, else {@code ~/.config}; {@code %APPDATA%} on Windows),
 * readable and writable by its owner only (0600 in a 0700 directory). A file others may read is not used: its token
 * may have leaked.
 */
public record TokenFile(Path path) {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    /** What the file holds. */
    public record Login(String server, String token) {}

    /** The file of the user whose environment is {@code env}. */
    public static TokenFile of(Function<String, String> env) {
        String xdg = env.apply("XDG_CONFIG_HOME");
        String appData = env.apply("APPDATA");
        Path dir;
        if (xdg != null && !xdg.isBlank()) {
            dir = Path.of(xdg);
        } else if (appData != null
                && !appData.isBlank()
                && System.getProperty("os.name", "").startsWith("Windows")) {
            dir = Path.of(appData);
        } else {
            dir = Path.of(System.getProperty("user.home"), ".config");
        }
        return new TokenFile(dir.resolve("yunjian").resolve("credentials"));
    }

    /** The kept login, or null when there is none; a file others may read is refused (a {@link Server.Failure}). */
    public Login read() {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try {
            if (posix() && !OWNER_FILE.containsAll(Files.getPosixFilePermissions(path))) {
                throw Server.input("cli.remote.tokenFileOpen", path);
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String server = p.getProperty("server");
            String token = p.getProperty("token");
            return server == null || token == null ? null : new Login(server, token);
        } catch (IOException e) {
            throw Server.input("cli.remote.tokenFileUnreadable", path);
        }
    }

    /** Writes the login, owner-only from its first byte (a temporary file moved into place). */
    public void write(Login login) throws IOException {
        // a bare file name has no parent of its own: the directory it is in
        Path dir = java.util.Objects.requireNonNull(path.toAbsolutePath().getParent(), "parent");
        if (posix()) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            Path tmp =
                    Files.createTempFile(dir, "credentials", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE));
            writeTo(tmp, login);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.createDirectories(dir);
            writeTo(path, login);
        }
    }

    /** Removes the file; false when there was none. */
    public boolean delete() throws IOException {
        return Files.deleteIfExists(path);
    }

    private static void writeTo(Path file, Login login) throws IOException {
        Properties p = new Properties();
        p.setProperty("server", login.server());
        p.setProperty("token", login.token());
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
    }

    private boolean posix() {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
