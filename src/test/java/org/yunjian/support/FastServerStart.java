package org.yunjian.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The JVM options that make a server or CLI process of the tests start fast: the product's class path
 * ({@link #serverClassPath}) with its directories packed into jars, and an AppCDS archive of the classes a server
 * start loads (JDK 17 archives classes from jars only: {@code -XX:ArchiveClassesAtExit} once, then
 * {@code -XX:SharedArchiveFile}). A start from the archive costs about a third less CPU (measured for
 * KillServerTests, docs/performance.md); the training start also logs in and uses the API as the tests' servers do ({@link #exercise}). Signed jars (BouncyCastle's, loaded by every
 * start for the audit keys) are used as unsigned copies: the JVM archives no class of a signed jar, and verifies each
 * class it reads from one ({@link #unsigned}). The jars and the archive
 * live in {@code target/server-start/<fingerprint of the class directories>/}, so both database passes share them
 * and a recompiled class makes a new set. Any failure falls back to the plain class path: never a wrong result,
 * at most a slower start.
 */
final class FastServerStart {

    private static final Path ROOT = Path.of("target", "server-start");
    private static List<String> options;

    private FastServerStart() {}

    /** {@code -cp …} plus, when the archive could be made, {@code -XX:SharedArchiveFile=…}. */
    static synchronized List<String> options() {
        if (options == null) {
            options = make();
        }
        return options;
    }

    private static List<String> make() {
        String classPath = System.getProperty("java.class.path");
        try {
            List<String> entries = serverClassPath(List.of(classPath.split(File.pathSeparator)));
            Path dir = ROOT.resolve(fingerprint(entries));
            List<String> packed = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Path entry = Path.of(entries.get(i));
                if (Files.isDirectory(entry)) {
                    Path jar = dir.resolve(i + "-" + entry.getFileName() + ".jar");
                    if (!Files.exists(jar)) {
                        pack(entry, jar);
                    }
                    packed.add(jar.toAbsolutePath().toString());
                } else {
                    packed.add(unsigned(entry, dir, i));
                }
            }
            String cp = String.join(File.pathSeparator, packed);
            Path archive = dir.resolve("server.jsa").toAbsolutePath();
            if (!Files.exists(archive) && !Files.exists(dir.resolve("no-archive"))) {
                train(cp, archive, dir);
            }
            if (Files.exists(archive)) {
                // -Xlog:disable: no CDS warning in a CLI's captured output; a rejected archive only means a slower
                // start
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:disable", "-cp", cp);
            }
            return List.of("-Xshare:auto", "-cp", cp);
        } catch (IOException | RuntimeException e) {
            System.out.println("FastServerStart: plain class path (" + e + ")");
            return List.of("-Xshare:auto", "-cp", classPath);
        }
    }

    /**
     * What the jar ships — the main classes and {@code target/runtime-classpath.txt} (the compile and runtime scope,
     * written by maven-dependency-plugin before the tests) — behind a directory of the few test files a server of the
     * tests needs ({@link #HOOKS}): the SQL recorder of the database passes and the suite's logging and settings. Not
     * the test class path: its test-scope jars made the servers unlike the product (an XML message converter from
     * jackson-dataformat-xml, Gson's, reactive health contributors) and each start ≈ 0.35 CPU-seconds dearer (532 more
     * classes loaded, 572 test classes scanned; docs/performance.md). The test class path as it is when the list or
     * the class directories are missing (a run from an IDE without Maven's {@code generate-test-resources}).
     */
    private static List<String> serverClassPath(List<String> testClassPath) throws IOException {
        Path list = Path.of("target", "runtime-classpath.txt");
        Path testClasses = directory(testClassPath, "test-classes");
        Path classes = directory(testClassPath, "classes");
        if (!Files.isRegularFile(list) || testClasses == null || classes == null) {
            return testClassPath;
        }
        Path hooks = Path.of("target", "server-hooks").toAbsolutePath();
        List<String> files = new ArrayList<>(HOOKS);
        try (Stream<Path> recorder = Files.list(testClasses.resolve(RECORDER))) {
            recorder.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("(RecordingDataSources|SqlCoverage)([$].*)?[.]class"))
                    .forEach(n -> files.add(RECORDER + "/" + n));
        }
        for (String file : files) {
            Path to = hooks.resolve(file);
            Files.createDirectories(to.getParent());
            // the modification time kept: the same files make the same fingerprint, so both passes share one archive
            Files.copy(
                    testClasses.resolve(file),
                    to,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path factories = hooks.resolve("META-INF/spring.factories");
        String recorder = "org.springframework.context.ApplicationContextInitializer="
                + org.yunjian.support.sqlcoverage.RecordingDataSources.class.getName() + "\n";
        if (!Files.exists(factories) || !Files.readString(factories).equals(recorder)) {
            Files.createDirectories(factories.getParent());
            Files.writeString(factories, recorder);
        }
        List<String> out = new ArrayList<>(List.of(hooks.toString(), classes.toString()));
        for (String jar : Files.readString(list).trim().split(File.pathSeparator)) {
            if (!jar.isBlank()) {
                out.add(jar);
            }
        }
        return out;
    }

    /** The SQL recorder's classes (RecordingDataSources, SqlCoverage and theirs). */
    private static final String RECORDER = "org/yunjian/support/sqlcoverage";

    /** The test resources a server or CLI process of the tests runs with, besides the recorder and what the jar ships. */
    private static final List<String> HOOKS =
            List.of("config/application.yml", "logback-test.xml", "monitoring/test-ca.pem");

    private static Path directory(List<String> classPath, String name) {
        for (String e : classPath) {
            Path p = Path.of(e);
            if (Files.isDirectory(p) && p.getFileName().toString().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Names, sizes and modification times of every file in the class path's directories (and the jars' names). */
    private static String fingerprint(List<String> entries) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(System.getProperty("java.home").getBytes(StandardCharsets.UTF_8));
            sha.update("signed jars unsigned".getBytes(StandardCharsets.UTF_8));
            for (String e : entries) {
                sha.update(e.getBytes(StandardCharsets.UTF_8));
                Path p = Path.of(e);
                if (Files.isDirectory(p)) {
                    try (Stream<Path> files = Files.walk(p)) {
                        for (Path f :
                                files.filter(Files::isRegularFile).sorted().toList()) {
                            sha.update((p.relativize(f) + "|" + Files.size(f) + "|"
                                            + Files.getLastModifiedTime(f).toMillis())
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pack(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Path tmp = Files.createTempFile(jar.getParent(), "pack", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp);
                JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(x -> !x.equals(classes)).sorted().toList()) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                if (Files.isDirectory(f)) {
                    j.putNextEntry(new JarEntry(name + "/"));
                } else {
                    j.putNextEntry(new JarEntry(name));
                    Files.copy(f, j);
                }
                j.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The jar itself, or where it is signed an unsigned copy of it in {@code dir}: its classes without the signature
     * files, and a manifest of its main section alone (a signed jar's manifest names a digest of every entry: 0.8 MB
     * for BouncyCastle's). With the copy a server start took ≈ 0.3 CPU-seconds less (5 %; docs/performance.md).
     */
    private static String unsigned(Path jar, Path dir, int index) throws IOException {
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
            return jar.toString();
        }
        java.util.jar.Manifest manifest;
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile(), false)) {
            if (in.stream().noneMatch(e -> signatureFile(e.getName()))) {
                return jar.toString();
            }
            manifest = in.getManifest();
        }
        Path copy = dir.resolve(index + "-unsigned-" + jar.getFileName());
        if (!Files.exists(copy)) {
            Files.createDirectories(dir);
            java.util.jar.Manifest main = new java.util.jar.Manifest();
            if (manifest != null) {
                main.getMainAttributes().putAll(manifest.getMainAttributes());
            }
            Path tmp = Files.createTempFile(dir, "unsigned", ".tmp");
            try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile(), false);
                    JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp), main)) {
                for (JarEntry e : java.util.Collections.list(in.entries())) {
                    String name = e.getName();
                    if (signatureFile(name) || name.equalsIgnoreCase(java.util.jar.JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(name));
                    try (java.io.InputStream body = in.getInputStream(e)) {
                        body.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy.toAbsolutePath().toString();
    }

    private static boolean signatureFile(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        return n.startsWith("META-INF/")
                && n.indexOf('/', "META-INF/".length()) < 0
                && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC"));
    }

    /**
     * What the tests' server processes do once started — a log-in, the systems listed, one created (the kill protocol's
     * cycle), the home page — so that the classes of those requests are in the archive too, not only those of the
     * start (measured in docs/performance.md, "CI time"). Best effort: an archive of the start alone is still right.
     */
    private static void exercise(int port, long deadline) throws InterruptedException {
        WebSession session = new WebSession(path -> URI.create("http://127.0.0.1:" + port + path));
        try {
            session.loginOnceSeeded(
                    org.yunjian.demo.DemoData.CUSTOMER_USER, org.yunjian.demo.DemoData.PASSWORD, deadline);
            session.get("/api/systems?size=200");
            session.postJson("/api/systems", """
                    {"name":"cds-training","protectionLevel":3,"deploymentModel":"PUBLIC","serviceModel":"IAAS",
                     "industry":"GOVERNMENT_WEBSITE","dataClassification":"IMPORTANT","regions":["北京"],
                     "agents":[]}""");
            session.get("/");
        } catch (IOException | UncheckedIOException e) {
            // the archive of the start alone
        }
    }

    /**
     * One training start: a server on a copy of the seeded demo ({@link TestDatabases#demoForServer}, as the tests'
     * server processes start), a log-in page served, {@link #exercise}, then SIGTERM — a clean exit writes the
     * archive. Leaves a {@code no-archive} marker when it fails, so later starts do not train again.
     */
    private static void train(String cp, Path archive, Path dir) throws IOException {
        java.util.Map<String, String> database = new java.util.LinkedHashMap<>();
        Path data = TestDatabases.demoForServer("cds_training", database);
        Path tmp = dir.resolve("server.jsa.tmp").toAbsolutePath();
        Files.deleteIfExists(tmp);
        int port = ChildPorts.free();
        List<String> cmd = new ArrayList<>(ServerProcess.jvm());
        database.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of(
                "-XX:ArchiveClassesAtExit=" + tmp,
                "-cp",
                cp,
                "org.yunjian.Application",
                "serve",
                "--server.port=" + port,
                "--yunjian.data-dir=" + data,
                "--spring.profiles.active=demo"));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.to(dir.resolve("training.log").toFile()));
        pb.environment().remove("YUNJIAN_DATA_DIR");
        Process p = pb.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            boolean up = false;
            while (!up && p.isAlive() && System.nanoTime() < deadline) {
                try {
                    up = client.send(
                                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            if (up) {
                exercise(port, deadline);
            }
            p.destroy();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (up && Files.size(tmp) > 0) {
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        } catch (IOException | UncheckedIOException e) {
            p.destroyForcibly();
        }
        Files.deleteIfExists(tmp);
        Files.writeString(dir.resolve("no-archive"), "see training.log");
    }
}
