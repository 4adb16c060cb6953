package org.yunjian.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        int port = freePort();
        Path log = dataDir.resolve("server.log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "org.yunjian.Application", "serve",
                "--server.port=" + port, "--yunjian.data-dir=" + dataDir));
        cmd.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("YUNJIAN_DATA_DIR");
        ServerProcess server = new ServerProcess(pb.start(), port, log);
        server.awaitUp(Duration.ofSeconds(120));
        return server;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path log() {
        return log;
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

    private void awaitUp(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri("/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IOException("server did not come up within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
