package org.yunjian.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for processes the tests start (a server, PostgreSQL, nginx), which bind them seconds later. A port the system
 * handed out for {@code new ServerSocket(0)} and that was closed again may be handed to the next {@code bind(0)} of
 * another lane meanwhile: a loopback site of a test running beside then received the waiting server's readiness
 * requests ({@code FetcherTest.headAsksForNoBody} saw a {@code GET /login}). So these ports come from below the
 * system's ephemeral range, which it never hands out for port 0, and none is handed out twice in one JVM.
 */
public final class ChildPorts {

    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private ChildPorts() {}

    /** A port that was free a moment ago, below the ephemeral range (or an ephemeral one where that range is low). */
    public static int free() throws IOException {
        int low = ephemeralLow();
        if (low > 12_000) {
            int from = Math.max(10_000, low - 12_000);
            for (int attempt = 0; attempt < 200; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(from, low);
                if (GIVEN.contains(port)) {
                    continue;
                }
                try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
                    // free on every address: the process binds it there or on the loopback address
                } catch (IOException taken) {
                    continue;
                }
                if (GIVEN.add(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The first port of the system's ephemeral range (Linux; 32768 where it cannot be read). */
    private static int ephemeralLow() {
        try {
            // read as a stream: /proc reports a size of 0, and Files.readString returned only the first byte
            try (java.io.BufferedReader in =
                    Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                return Integer.parseInt(in.readLine().trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
