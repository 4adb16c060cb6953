package org.yunjian.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.keys.KeyDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every committed anchor as one JSON line to {@code yunjian.audit.anchor-export}: opened in append
 * mode and forced to disk, never rewritten. Put it where the database's holder cannot write (another machine's
 * mount, a file with the append-only attribute, a log shipper's input); {@code yunjian audit verify --anchors
 * FILE} then finds anchors deleted from or changed in the database. Each line carries the anchor's SM2 signature;
 * that the file was not cut at its end is checked against the head witness, which records the newest anchor
 * committed after its line was appended ({@link HeadWitness}). Only a copy outside the key directory counts as
 * off-site ({@link AuditVerifier#offSite}).
 */
@Component
public class AnchorExport {

    private static final Logger log = LoggerFactory.getLogger(AnchorExport.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    AnchorExport(AuditProperties properties, Environment environment, @Value("${yunjian.data-dir}") Path dataDir) {
        this.file = properties.anchorExport();
        requireSecondLocation(
                file,
                properties.keyDir(),
                dataDir,
                environment.acceptsProfiles(Profiles.of("postgres")),
                environment.getProperty("yunjian.demo", Boolean.class, false));
    }

    static void requireSecondLocation(Path export, Path keyDir, Path dataDir, boolean production) {
        requireSecondLocation(export, keyDir, dataDir, production, false);
    }

    /**
     * The export is the only copy of the anchors that someone who can write the key directory (or holds the data
     * directory) cannot cut together with the log: production (profile {@code postgres}) refuses to start without one
     * or with one inside the key or the data directory, naming the setting; development warns; the demo, whose data
     * directory holds everything by design, says it once at INFO (nothing alarming on a newcomer's console).
     */
    static void requireSecondLocation(Path export, Path keyDir, Path dataDir, boolean production, boolean demo) {
        String problem = null;
        if (export == null) {
            problem = KeyDirectory.text("keys.error.anchor-export-missing");
        } else if (KeyDirectory.inside(export, keyDir) || KeyDirectory.inside(export, dataDir)) {
            problem = KeyDirectory.text(
                    "keys.error.anchor-export-inside",
                    export.toAbsolutePath().normalize(),
                    keyDir.toAbsolutePath().normalize(),
                    dataDir.toAbsolutePath().normalize());
        }
        if (problem != null && production) {
            throw new KeyDirectory.KeyDirectoryException(problem);
        }
        if (problem != null && demo) {
            log.info(problem);
        } else if (problem != null) {
            log.warn(problem);
        }
    }

    /** After the anchor's commit; a failure is logged (the anchor itself is in the database). */
    synchronized void append(AuditAnchor anchor) {
        if (file == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", anchor.seq());
        line.put("mac", anchor.mac());
        line.put("createdAt", anchor.createdAt().toString());
        line.put("keyId", anchor.keyId());
        line.put("signature", anchor.signature());
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            log.error("Could not append audit anchor {} to {}: {}", anchor.seq(), file, e.toString());
        }
    }

    /** Reads an export file; a line that is not an anchor is an error naming its line number. */
    public static List<AuditAnchor> read(Path file) {
        List<AuditAnchor> anchors = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    JsonNode n = JSON.readTree(line);
                    anchors.add(new AuditAnchor(
                            n.get("seq").asLong(),
                            n.get("mac").asString(),
                            Instant.parse(n.get("createdAt").asString()),
                            n.get("keyId").asString(),
                            n.get("signature").asString()));
                } catch (RuntimeException e) {
                    throw new BadExportException(file, i + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    /** A line of the export file that is not an anchor; its message names the file and the line. */
    public static final class BadExportException extends LocalizedException {
        public final Path file;
        public final int line;

        BadExportException(Path file, int line) {
            super(Msg.of("audit.cli.bad-export-line", file.toString(), Integer.toString(line)), null);
            this.file = file;
            this.line = line;
        }
    }
}
