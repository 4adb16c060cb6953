package org.yunjian.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The platform started as a separate JVM ({@code serve}), so a test can kill it like an operator's SIGKILL. */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static ServerProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        return start(dataDir, Map.of(), extraArgs);
    }

    /** {@code properties} become {@code -D} options of the server JVM (e.g. the test cluster's datasource). */
    public static ServerProcess start(Path dataDir, Map<String, String> properties, String... extraArgs)
            throws IOException, InterruptedException {
        // a data directory the platform is to create itself: the log goes next to it
        Path log = java.nio.file.Files.isDirectory(dataDir)
                ? dataDir.resolve("server.log")
                : dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        for (int attempt = 1; ; attempt++) {
            int port = ChildPorts.free();
            long logged = java.nio.file.Files.exists(log) ? java.nio.file.Files.size(log) : 0;
            List<String> cmd = java(properties);
            cmd.addAll(List.of(
                    "org.yunjian.Application", "serve", "--server.port=" + port, "--yunjian.data-dir=" + dataDir));
            cmd.addAll(List.of(extraArgs));
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().remove("YUNJIAN_DATA_DIR");
            ServerProcess server = new ServerProcess(pb.start(), port, log);
            try {
                server.awaitUp(Duration.ofSeconds(120));
                return server;
            } catch (IOException e) {
                // the free port was taken between choosing it and the server binding it (other tests run beside,
                // @RunsBesideTheSuite): not what any test is about, so once more on another port
                if (attempt < 3 && !server.process.isAlive() && portTaken(log, logged)) {
                    continue;
                }
                throw e;
            }
        }
    }

    private static boolean portTaken(Path log, long from) throws IOException {
        byte[] all = java.nio.file.Files.readAllBytes(log);
        String added = new String(
                all,
                (int) Math.min(from, all.length),
                (int) (all.length - Math.min(from, all.length)),
                java.nio.charset.StandardCharsets.UTF_8);
        return added.contains("was already in use");
    }

    /** What a {@code yunjian …} command run as its own process printed, and its exit code. */
    public record CliResult(int exitCode, String output) {}

    /** Runs the CLI command {@code args} as a separate JVM on {@code dataDir}, as an operator would. */
    public static CliResult cli(Path dataDir, Map<String, String> properties, String... args)
            throws IOException, InterruptedException {
        Map<String, String> props = new java.util.LinkedHashMap<>(properties);
        props.put("yunjian.data-dir", dataDir.toString());
        List<String> cmd = java(props);
        cmd.add("org.yunjian.Application");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("YUNJIAN_DATA_DIR");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("CLI did not finish: " + args[0] + "\n" + out);
        }
        return new CliResult(p.exitValue(), out);
    }

    /** What a client command printed on stdout and on stderr, apart, and its exit code. */
    public record ClientResult(int exitCode, String stdout, String stderr) {}

    /**
     * Runs {@code yunjian args} as its own JVM, a client of a server: no data directory, {@code env} added to its
     * environment ({@code YUNJIAN_SERVER}, {@code YUNJIAN_TOKEN}, {@code XDG_CONFIG_HOME}), {@code stdin} as its input.
     */
    public static ClientResult client(Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = java(Map.of());
        cmd.add("org.yunjian.Application");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("YUNJIAN_DATA_DIR");
        pb.environment().remove("YUNJIAN_SERVER");
        pb.environment().remove("YUNJIAN_TOKEN");
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("CLI did not finish: " + args[0] + "\n" + out);
        }
        return new ClientResult(p.exitValue(), out, err.join());
    }

    /**
     * Runs {@code yunjian args} as a client of a server inside this JVM, the way {@code Application.main} runs it
     * ({@link org.yunjian.cli.CliArgs#globalsLast}, then {@link org.yunjian.cli.remote.RemoteCli#ENTRY} must take it,
     * then {@code RemoteCli.run} with its streams, console and environment given): the same code as {@link #client}
     * without a JVM start (≈1.2 CPU-seconds each, issue 37). {@code env} is the whole environment: nothing of this
     * JVM's, so no {@code YUNJIAN_SERVER}, {@code YUNJIAN_TOKEN} or {@code YUNJIAN_DATA_DIR} from outside. Never
     * {@code RemoteCli.quiet()}: it would silence the suite's logging. The run's language is this thread's only, and
     * put back when it ends ({@code RemoteCli.run}), so the classes of the other lanes keep theirs.
     *
     * <p>What only a process proves stays {@link #client} in {@code RemoteCliTests}: that stdout holds the table and
     * nothing else while the server runs (no log line, no JVM or SLF4J warning: {@code
     * assessmentListPrintsOnlyTheTableWhileTheServerRuns}), that a wrong token is one line on stderr and exit status
     * 1 of the process ({@code wrongTokenIsOneLineOnStderrAndExitOne}), and that {@code login} keeps its file
     * owner-only and {@code logout} removes it ({@code loginKeepsTheTokenForItsOwnerOnlyAndLogoutRemovesIt}).
     */
    public static ClientResult clientInProcess(Map<String, String> env, String stdin, String... args) {
        String[] a = org.yunjian.cli.CliArgs.globalsLast(args);
        Map<String, String> given = Map.copyOf(env);
        if (!org.yunjian.cli.remote.RemoteCli.ENTRY.takes(a, given::get)) {
            throw new IllegalArgumentException("not a client command in " + given.keySet() + ": " + List.of(args));
        }
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int status;
        try (java.io.PrintWriter o = new java.io.PrintWriter(out);
                java.io.PrintWriter e = new java.io.PrintWriter(err)) {
            status = org.yunjian.cli.remote.RemoteCli.run(
                    o,
                    e,
                    new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    null,
                    given::get,
                    a);
        }
        return new ClientResult(status, out.toString(), err.toString());
    }

    /**
     * A JVM tuned for start-up: C1 only, serial GC, the class path as jars with an AppCDS archive (a JVM start is
     * most of a kill cycle's cost; measured in KillServerTests, see {@link FastServerStart}).
     */
    private static List<String> java(Map<String, String> properties) {
        List<String> cmd = new ArrayList<>(jvm());
        cmd.addAll(FastServerStart.options());
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        return cmd;
    }

    /** The java command and its tuning, without class path. */
    static List<String> jvm() {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC");
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path log() {
        return log;
    }

    /** SIGKILL without waiting: for a callback that must kill the moment a response arrives. */
    public void killNow() {
        process.destroyForcibly();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, as {@code kill}, systemd or {@code spring-boot:run} stop a server; returns its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
            return -1;
        }
        return process.exitValue();
    }

    /** SIGKILL on Linux: no shutdown hooks, no flushing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Waits until the server reports itself ready ({@code /actuator/health/readiness}: the demo seeded). */
    public void awaitReady(Duration timeout) throws InterruptedException, IOException {
        awaitOk("/actuator/health/readiness", timeout);
    }

    private void awaitUp(Duration timeout) throws InterruptedException, IOException {
        try {
            awaitOk("/login", timeout);
        } catch (IOException notUp) {
            process.destroyForcibly();
            throw notUp;
        }
    }

    /** Polls {@code path} until it answers 200; fails when the server exits or the time is up. */
    private void awaitOk(String path, Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r =
                        client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IOException("server did not answer 200 on " + path + " within " + timeout + "; see " + log);
    }
}
