package org.yunjian.catalog.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.Standard;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;

/** OSCAL and CSV export, OSCAL import with storage in {@code catalog_import}, and loading the imports at startup. */
@Service
class CatalogExchangeService implements CatalogExchange, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogExchangeService.class);
    private static final int CHUNK = 400_000;

    private final Catalog catalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Imported standards in the in-memory catalog, by code, with their OSCAL model for export. */
    private final Map<String, OscalMapping.Imported> imported = new LinkedHashMap<>();

    /** Deepest nesting of an imported document: XML elements, or JSON objects and arrays. */
    static final int DEFAULT_MAX_DEPTH = 100;

    private final int maxDepth;

    CatalogExchangeService(Catalog catalog, JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events,
                           java.util.Optional<Clock> clock,
                           @org.springframework.beans.factory.annotation.Value(
                                   "${yunjian.catalog.max-nesting-depth:" + DEFAULT_MAX_DEPTH + "}") int maxDepth) {
        this.maxDepth = maxDepth;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Loads every stored import; one that no longer loads stops the application (no half-loaded catalog). */
    @Override
    public synchronized void afterSingletonsInstantiated() {
        List<Stored> stored = jdbc.sql("SELECT code, file_name, format FROM catalog_import ORDER BY code")
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), OscalFormat.valueOf(rs.getString(3))))
                .list();
        for (Stored s : stored) {
            byte[] content = content(s.code());
            imported.put(s.code(), parse(s.code(), s.fileName(), content));
        }
        publish();
        if (!stored.isEmpty()) {
            log.info("Imported OSCAL catalogs loaded: {}", imported.keySet());
        }
    }

    private record Stored(String code, String fileName, OscalFormat format) {
    }

    private void publish() {
        List<Standard> standards = new ArrayList<>();
        List<Requirement> requirements = new ArrayList<>();
        for (OscalMapping.Imported i : imported.values()) {
            standards.add(i.standard());
            requirements.addAll(i.requirements());
        }
        catalog.replaceImported(standards, requirements);
    }

    // ---- export ----

    @Override
    public String exportOscal(String code, OscalFormat format) {
        OscalModel.Catalog model = model(code);
        String out = format == OscalFormat.JSON ? OscalJson.write(model) : OscalXml.write(model);
        events.publishEvent(AuditableEvent.success("catalog.export", "catalog_standard", code,
                "OSCAL " + format + ", " + out.length() + " characters"));
        return out;
    }

    OscalModel.Catalog model(String code) {
        Standard s = catalog.standard(code).orElseThrow(() -> new NotFoundException("Standard", code));
        synchronized (this) {
            OscalMapping.Imported i = imported.get(code);
            if (i != null) {
                return i.oscal();
            }
        }
        return OscalMapping.export(s, catalog.requirements(code));
    }

    @Override
    public String exportCsv(String code) {
        List<Requirement> rows;
        if (code == null || code.isBlank()) {
            rows = catalog.find(org.yunjian.catalog.RequirementFilter.any());
        } else {
            catalog.standard(code).orElseThrow(() -> new NotFoundException("Standard", code));
            rows = catalog.requirements(code);
        }
        StringBuilder sb = new StringBuilder();
        csvRow(sb, List.of("id", "standard", "kind", "clause", "item", "parent", "title", "titleEn", "text", "textEn",
                "phaseInStandard", "phases", "roles", "layer", "deploymentModels", "bold"));
        for (Requirement r : rows) {
            csvRow(sb, java.util.Arrays.asList(r.id().value(), r.standardCode(), r.kind().name(), r.clause(), r.item(),
                    r.parent() == null ? null : r.parent().value(), r.title(), r.titleEn(), r.text(), r.textEn(),
                    r.phaseInStandard(), joined(r.phases()), joined(r.roles()),
                    r.layer() == null ? null : r.layer().name(), joined(r.deploymentModels()), String.valueOf(r.bold())));
        }
        events.publishEvent(AuditableEvent.success("catalog.export", "catalog_standard", code,
                "CSV, " + rows.size() + " requirements"));
        return sb.toString();
    }

    private static String joined(java.util.Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(";"));
    }

    private static void csvRow(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c; // no formula injection in spreadsheets
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            sb.append(c);
        }
        sb.append("\r\n");
    }

    // ---- import ----

    @Override
    public ImportedStandard importOscal(String fileName, byte[] content, String code, boolean replace) {
        String file = Text.fileName(fileName, "upload");
        try {
            return doImport(file, content, code, replace);
        } catch (CatalogLoadException e) {
            events.publishEvent(AuditableEvent.failure("catalog.import", "catalog_standard", code, e.getMessage()));
            throw e;
        } catch (FieldErrors.ValidationException | ConflictException e) {
            events.publishEvent(AuditableEvent.failure("catalog.import", "catalog_standard", code, e.getMessage()));
            throw e;
        }
    }

    private synchronized ImportedStandard doImport(String file, byte[] content, String requestedCode, boolean replace) {
        OscalFormat format = OscalFormat.sniff(content);
        if (format == null) {
            throw new CatalogFileException(file, 1, "$", "neither OSCAL JSON nor OSCAL XML (expected '{' or '<' first)");
        }
        OscalModel.Catalog model = read(file, content, format, maxDepth);
        String code = requestedCode == null || requestedCode.isBlank() ? deriveCode(model) : requestedCode.strip();
        if (!RequirementId.isValidStandardCode(code)) {
            throw new FieldErrors.ValidationException("code",
                    "upper-case letters and digits, segments of two or more joined by '-', e.g. NIST-SP80053");
        }
        if (catalog.isBuiltIn(code)) {
            throw new FieldErrors.ValidationException("code", code + " is a built-in standard");
        }
        if (!replace) {
            // never silently: a second catalog under the same code replaces the first only when asked to
            List<String> existing = jdbc.sql("SELECT title FROM catalog_import WHERE code = ?").param(code)
                    .query(String.class).list();
            if (!existing.isEmpty()) {
                throw new ConflictException("catalog-exists", "catalog.import.exists", code, existing.get(0));
            }
        }
        OscalMapping.Imported mapped = OscalMapping.toStandard(code, file, model);
        String sha = sha256(content);
        String by = CurrentUser.current().map(CurrentUser::username).orElse("cli");
        Map<String, OscalMapping.Imported> previous = new LinkedHashMap<>(imported);
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM catalog_import WHERE code = ?").param(code).update();
            jdbc.sql("""
                    INSERT INTO catalog_import (code, title, file_name, format, sha256, size_bytes, requirements, imported_at, imported_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(code, truncate(mapped.standard().title(), 1000), truncate(file, 255), format.name(), sha,
                            content.length, mapped.requirements().size(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                            by)
                    .update();
            String packed = pack(content);
            for (int i = 0, seq = 0; i < packed.length(); i += CHUNK, seq++) {
                jdbc.sql("INSERT INTO catalog_import_chunk (code, seq, data) VALUES (?, ?, ?)")
                        .params(code, seq, packed.substring(i, Math.min(packed.length(), i + CHUNK))).update();
            }
            imported.put(code, mapped);
            try {
                publish();
            } catch (IllegalArgumentException e) {
                imported.clear();
                imported.putAll(previous);
                throw new CatalogFileException(file, 0, "$", e.getMessage());
            }
        });
        events.publishEvent(AuditableEvent.success("catalog.import", "catalog_standard", code,
                file + " (" + format + ", sha256 " + sha + "): " + mapped.requirements().size() + " requirements"));
        return new ImportedStandard(code, mapped.standard().title(), file, format, mapped.requirements().size(), sha);
    }

    @Override
    public List<ImportedStandard> imported() {
        return jdbc.sql("SELECT code, title, file_name, format, requirements, sha256 FROM catalog_import ORDER BY code")
                .query((rs, n) -> new ImportedStandard(rs.getString(1), rs.getString(2), rs.getString(3),
                        OscalFormat.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6)))
                .list();
    }

    /** Validates and reads a document; the error names file, line, path and problem. */
    static OscalModel.Catalog read(String file, byte[] content, OscalFormat format) {
        return read(file, content, format, DEFAULT_MAX_DEPTH);
    }

    /** As {@link #read(String, byte[], OscalFormat)}; a document nested deeper than {@code maxDepth} is refused first. */
    static OscalModel.Catalog read(String file, byte[] content, OscalFormat format, int maxDepth) {
        if (format == OscalFormat.JSON) {
            JsonNode doc = LocatedJsonReader.read(file, content, maxDepth);
            OscalJsonSchema.get().validate(file, doc);
            return OscalJson.read(doc);
        }
        OscalXml.validate(file, content, maxDepth);
        return OscalXml.read(content);
    }

    static String tooDeep(int maxDepth) {
        return "nested deeper than " + maxDepth + " levels (the limit, yunjian.catalog.max-nesting-depth)";
    }

    private static OscalMapping.Imported parse(String code, String file, byte[] content) {
        OscalFormat format = OscalFormat.sniff(content);
        if (format == null) {
            throw new CatalogFileException(file, 1, "$", "stored import " + code + " is neither JSON nor XML");
        }
        return OscalMapping.toStandard(code, file, read(file, content, format));
    }

    /**
     * A code from the title before any ':' that keeps its numbers: "NIST Special Publication 800-53 Revision 5.1.1
     * HIGH IMPACT BASELINE" → {@code NIST-SP80053-REV5-HIGH-IMPACT}, "… Revision 4: Security and Privacy …" →
     * {@code NIST-SP80053-REV4}. Numbers join the word before them (a code segment starts with a letter); a
     * revision keeps its major number; "Special Publication" reads SP. OSCAL-IMPORT when there are no words.
     */
    static String deriveCode(OscalModel.Catalog model) {
        String yunjianCode = model.props().stream().filter(p -> p.isYunjian("standard-code")).map(OscalModel.Prop::value)
                .findFirst().orElse(null);
        if (yunjianCode != null) {
            return yunjianCode + "-IMPORT";
        }
        String title = model.title().toUpperCase(Locale.ROOT);
        int colon = title.indexOf(':');
        title = (colon > 0 ? title.substring(0, colon) : title).replace("SPECIAL PUBLICATION", "SP")
                .replaceAll("REVISION\\s+(\\d+)(?:\\.\\d+)*", "REV$1");
        List<String> words = new ArrayList<>();
        for (String w : title.split("[^A-Z0-9]+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (Character.isDigit(w.charAt(0))) {
                if (!words.isEmpty()) {
                    words.set(words.size() - 1, words.get(words.size() - 1) + w);
                }
            } else if (w.length() >= 2 && words.size() < 5) {
                words.add(w);
            }
        }
        return words.isEmpty() ? "OSCAL-IMPORT" : String.join("-", words);
    }

    private byte[] content(String code) {
        List<String> chunks = jdbc.sql("SELECT data FROM catalog_import_chunk WHERE code = ? ORDER BY seq")
                .param(code).query(String.class).list();
        return unpack(String.join("", chunks));
    }

    private static String pack(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static byte[] unpack(String packed) {
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(packed)))) {
            return gz.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
