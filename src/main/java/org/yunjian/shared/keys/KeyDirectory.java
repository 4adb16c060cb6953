package org.yunjian.shared.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's key directory ({@code yunjian.key-dir}): owner-only secret files that never enter the
 * database — the audit HMAC and anchor keys, the evidence master key, the certificate signing key, the
 * database password, the TOTP secret key. One place decides when a missing secret may be created:
 * <ul>
 * <li><b>first set-up</b>: the database holds no audit entries yet (nothing has happened on this
 * installation; every security-relevant action writes one), so no data can depend on a key; or</li>
 * <li>the operator asked for it explicitly: {@code yunjian.keys.create-missing=true}
 * ({@code YUNJIAN_KEYS_CREATE_MISSING=true}) for one start, e.g. after an upgrade that adds a key.</li>
 * </ul>
 * Otherwise a missing directory or file is an error naming it ({@link MissingKeyException}): new keys
 * would make the audit log read as modified and evidence undecryptable. The directory must be owner-only
 * (no group or other permissions): refused at start, or only warned about in demo mode.
 */
public final class KeyDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeyDirectory.class);
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Path dir;
    private final BooleanSupplier firstSetUp;
    private final boolean createMissing;
    private final boolean demo;

    /** A directory whose missing secrets are always created (tools and tests that own their directory). */
    public KeyDirectory(Path dir) {
        this(dir, () -> true, false, false);
    }

    /**
     * @param firstSetUp    whether this is the installation's first set-up (asked when a file is missing)
     * @param createMissing the operator's explicit request to create missing secrets
     * @param demo          demo mode: a directory open to others is only warned about
     */
    public KeyDirectory(Path dir, BooleanSupplier firstSetUp, boolean createMissing, boolean demo) {
        this.dir = dir;
        this.firstSetUp = firstSetUp;
        this.createMissing = createMissing;
        this.demo = demo;
    }

    /** The same policy for another directory (a module configured with a key directory of its own). */
    public KeyDirectory at(Path other) {
        return other == null || other.equals(dir) ? this : new KeyDirectory(other, this::creationAllowed, false, demo);
    }

    public Path path() {
        return dir;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /**
     * The content of the owner-only file {@code name}, stripped; a missing file is created with
     * {@code generator}'s content if creation is allowed (first set-up, or asked for), else
     * {@link MissingKeyException}. Two processes racing to create it end up with the same one.
     */
    public String secret(String name, Supplier<String> generator) {
        return secret(name, generator, this::creationAllowed);
    }

    /**
     * As {@link #secret(String, Supplier)}, with the caller's own test for first set-up — for a secret
     * needed before the database can be asked (the database password: "the database does not exist yet").
     */
    public String secret(String name, Supplier<String> generator, BooleanSupplier mayCreate) {
        Path file = dir.resolve(name);
        try {
            if (!Files.exists(file)) {
                create(file, generator, mayCreate);
            }
            checkModes();
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Creates {@code file} (in this directory) with {@code content} if it is missing and creation is
     * allowed; {@code true} if this call created it. For key pairs kept in two files.
     */
    public boolean createIfAbsent(Path file, Supplier<String> content) {
        if (Files.exists(file)) {
            return false;
        }
        try {
            return create(file, content, this::creationAllowed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Fails with {@link MissingKeyException} unless {@code file} exists; checks the directory's modes. */
    public Path require(Path file) {
        if (!Files.exists(file)) {
            throw missing(file);
        }
        checkModes();
        return file;
    }

    /** Whether a missing secret may be created now: first set-up, or the operator asked for it. */
    public boolean creationAllowed() {
        if (createMissing) {
            return true;
        }
        return firstSetUp.getAsBoolean();
    }

    /**
     * Refuses a directory that grants any permission to group or others (warns only in demo mode).
     * Does nothing where POSIX permissions are not supported or the directory does not exist yet.
     */
    public void checkModes() {
        if (!Files.isDirectory(dir) || !OwnerOnlyFiles.posix(dir)) {
            return;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        if (perms.stream().noneMatch(NOT_OWNER::contains)) {
            return;
        }
        String text = text("keys.error.mode", dir.toAbsolutePath());
        if (demo) {
            log.warn(text);
            return;
        }
        throw new KeyDirectoryException(text);
    }

    private boolean create(Path file, Supplier<String> content, BooleanSupplier mayCreate) throws IOException {
        if (!mayCreate.getAsBoolean()) {
            throw missing(file);
        }
        OwnerOnlyFiles.ensureDirectory(dir);
        checkModes();
        boolean created = OwnerOnlyFiles.createIfAbsent(file, content.get().strip() + "\n");
        if (created) {
            log.info("Created {} (owner-only). Back it up apart from the data directory.", file);
        }
        return created;
    }

    private MissingKeyException missing(Path file) {
        return new MissingKeyException(
                Files.isDirectory(dir)
                        ? text("keys.error.missing-file", file.toAbsolutePath())
                        : text("keys.error.missing-dir", dir.toAbsolutePath(), file.getFileName()));
    }

    /** Whether {@code path} is {@code dir} or below it, following symbolic links where the paths exist. */
    public static boolean inside(Path path, Path dir) {
        return KeyDirectoryConfig.inside(path, dir);
    }

    /**
     * A start-up message, in the JVM's language (Chinese for a Chinese locale, else English): these errors stop the
     * process before any request has a locale. The keys' own words are in {@code messages/shared-keys}; the audit
     * log's start-up messages, read the same way, in {@code messages/audit}.
     */
    public static String text(String key, Object... args) {
        Locale locale = Locale.getDefault().getLanguage().equals("zh") ? Locale.ROOT : Locale.ENGLISH;
        ResourceBundle bundle = null;
        for (String name : START_UP_BUNDLES) {
            bundle = ResourceBundle.getBundle(
                    name,
                    locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            if (bundle.containsKey(key)) {
                break;
            }
        }
        return new java.text.MessageFormat(bundle.getString(key), locale).format(args);
    }

    private static final java.util.List<String> START_UP_BUNDLES =
            java.util.List.of("messages/shared-keys", "messages/audit");

    /** A key directory that may not be used: open to other users, or inside the data directory in production. */
    public static class KeyDirectoryException extends IllegalStateException {
        public KeyDirectoryException(String message) {
            super(message);
        }
    }

    /** A secret that is missing and may not be created now. */
    public static final class MissingKeyException extends KeyDirectoryException {
        public MissingKeyException(String message) {
            super(message);
        }
    }
}
