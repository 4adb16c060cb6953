package org.yunjian.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
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
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.StaleVersionException;

/**
 * OSCAL and CSV export, versioned OSCAL import (stored by {@link ImportRepository}), and loading the imports at startup.
 */
@Service
class CatalogExchangeService implements CatalogExchange, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogExchangeService.class);

    private final Catalog catalog;
    private final ImportRepository store;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Imported standards in the in-memory catalog, by code, with their OSCAL model for export. */
    private final Map<String, OscalMapping.Imported> imported = new LinkedHashMap<>();

    /** The code an imported 通用要求 item table gets when the upload names none. */
    static final String ITEM_TABLE_CODE = "MLPS-GENERAL";

    /** Deepest nesting of an imported document: XML elements, or JSON objects and arrays. */
    static final int DEFAULT_MAX_DEPTH = 100;

    private final int maxDepth;

    CatalogExchangeService(
            Catalog catalog,
            ImportRepository store,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            java.util.Optional<Clock> clock,
            @org.springframework.beans.factory.annotation.Value(
                            "${yunjian.catalog.max-nesting-depth:" + DEFAULT_MAX_DEPTH + "}")
                    int maxDepth) {
        this.maxDepth = maxDepth;
        this.catalog = catalog;
        this.store = store;
        this.tx = tx;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Loads every stored import; one that no longer loads stops the application (no half-loaded catalog). */
    @Override
    public synchronized void afterSingletonsInstantiated() {
        List<ImportVersion> stored = store.current();
        for (ImportVersion s : stored) {
            imported.put(s.code(), parse(s.code(), s.fileName(), store.currentContent(s.code())));
        }
        publish();
        if (!stored.isEmpty()) {
            log.info("Imported OSCAL catalogs loaded: {}", imported.keySet());
        }
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
        events.publishEvent(AuditableEvent.success(
                "catalog.export",
                "catalog_standard",
                code,
                Msg.of("catalog.audit.exportOscal", format.name(), out.length())));
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
        String csv = CsvExport.write(rows);
        events.publishEvent(AuditableEvent.success(
                "catalog.export", "catalog_standard", code, Msg.of("catalog.audit.exportCsv", rows.size())));
        return csv;
    }

    // ---- import ----

    @Override
    public ImportedStandard importOscal(String fileName, byte[] content, String code, ExpectedVersion replaces) {
        String file = Text.fileName(fileName, "upload");
        try {
            if (ItemTable.isTable(file, content)) {
                // an assessment body's 通用要求 item table (XLSX / CSV): stored as its OSCAL rendering, which is what
                // "original" then returns (named *.oscal.json so nobody mistakes it for the spreadsheet)
                byte[] oscal = OscalJson.write(ItemTable.read(file, content, clock.instant()))
                        .getBytes(StandardCharsets.UTF_8);
                String name = file + ".oscal.json";
                return doImport(name, oscal, checked(name, oscal), code, replaces);
            }
            return doImport(file, content, checked(file, content), code, replaces);
        } catch (CatalogLoadException | ConflictException e) {
            events.publishEvent(AuditableEvent.failure("catalog.import", "catalog_standard", code, e.text()));
            throw e;
        } catch (FieldErrors.ValidationException e) {
            events.publishEvent(AuditableEvent.failure(
                    "catalog.import",
                    "catalog_standard",
                    code,
                    e.messages().values().iterator().next()));
            throw e;
        }
    }

    /** A document that passed the schema and the constraints, read. */
    private record Checked(
            OscalFormat format, OscalModel.Catalog model, org.yunjian.catalog.OscalSchemas.Report report) {}

    /**
     * The schema step (refusing with file, line, path), then NIST's constraints — outside the import's lock: the
     * constraints of a large catalog take seconds, during which exports and other imports go on.
     */
    private Checked checked(String file, byte[] content) {
        OscalFormat format = OscalFormat.sniff(content);
        if (format == null) {
            throw new CatalogFileException(file, 1, "$", "notOscal");
        }
        OscalModel.Catalog model = read(file, content, format, maxDepth);
        org.yunjian.catalog.OscalSchemas.Report constraints = OscalConstraintCheck.check(format, content);
        if (constraints.refused()) {
            throw OscalConstraintCheck.refusal(file, constraints.errors());
        }
        return new Checked(format, model, constraints);
    }

    private synchronized ImportedStandard doImport(
            String file, byte[] content, Checked checked, String requestedCode, ExpectedVersion replaces) {
        OscalFormat format = checked.format();
        OscalModel.Catalog model = checked.model();
        org.yunjian.catalog.OscalSchemas.Report constraints = checked.report();
        String code = requestedCode == null || requestedCode.isBlank() ? deriveCode(model) : requestedCode.strip();
        if (!RequirementId.isValidStandardCode(code)) {
            throw new FieldErrors.ValidationException("code", "catalog.import.codeFormat");
        }
        if (catalog.isBuiltIn(code)) {
            throw new FieldErrors.ValidationException("code", "catalog.import.codeBuiltIn", code);
        }
        ImportVersion existing = store.current(code).orElse(null);
        if (existing != null && replaces == null) {
            // never silently: a second catalog under the same code replaces the first only when asked to
            throw new ConflictException(
                    "catalog-exists",
                    "catalog.import.exists",
                    code,
                    existing.title(),
                    existing.version(),
                    existing.fileName());
        }
        if (existing != null && replaces.value() != existing.version()) {
            // the caller read an older version: someone else has replaced it since
            throw new StaleVersionException(existing.version(), existing.importedAt());
        }
        OscalMapping.Imported mapped = OscalMapping.toStandard(code, file, model);
        String sha = sha256(content);
        String by = CurrentUser.current().map(CurrentUser::username).orElse("cli");
        Instant now = clock.instant();
        Map<String, OscalMapping.Imported> previous = new LinkedHashMap<>(imported);
        ImportVersion row = tx.execute(status -> {
            int replaced = store.retire(code, now, by);
            ImportVersion r = new ImportVersion(
                    code,
                    store.lastVersion(code) + 1,
                    mapped.standard().title(),
                    file,
                    format,
                    controls(mapped),
                    sha,
                    content.length,
                    now,
                    by,
                    null,
                    null);
            store.insert(r, content);
            imported.put(code, mapped);
            try {
                publish();
            } catch (IllegalArgumentException e) {
                imported.clear();
                imported.putAll(previous);
                throw new CatalogFileException(file, 0, "$", "inconsistent", e.getMessage());
            }
            return r;
        });
        Msg detail = existing == null
                ? Msg.of("catalog.audit.imported", file, format.name(), sha, controls(mapped), row.version())
                : Msg.of(
                        "catalog.audit.replaced",
                        file,
                        format.name(),
                        sha,
                        controls(mapped),
                        row.version(),
                        existing.version(),
                        existing.sha256());
        events.publishEvent(AuditableEvent.success("catalog.import", "catalog_standard", code, detail));
        return standard(row, OscalConstraintCheck.notices(constraints, MAX_NOTICES));
    }

    /**
     * The controls of an imported catalog: its items (OSCAL {@code control}s, nested ones included), not the groups
     * that hold them — a FedRAMP baseline of 156 controls in 18 families counts 156, not 174.
     */
    static int controls(OscalMapping.Imported mapped) {
        return (int) mapped.requirements().stream()
                .filter(r -> r.kind() == org.yunjian.catalog.RequirementKind.ITEM)
                .count();
    }

    private static ImportedStandard standard(ImportVersion v) {
        return standard(v, List.of());
    }

    private static ImportedStandard standard(ImportVersion v, List<String> notices) {
        return new ImportedStandard(
                v.code(),
                v.title(),
                v.fileName(),
                v.format(),
                v.requirements(),
                v.sha256(),
                v.version(),
                v.importedAt(),
                v.importedBy(),
                notices);
    }

    @Override
    public List<ImportedStandard> imported() {
        return store.current().stream().map(CatalogExchangeService::standard).toList();
    }

    @Override
    public List<ImportVersion> versions(String code) {
        List<ImportVersion> versions = store.versions(code);
        if (versions.isEmpty()) {
            throw new NotFoundException("Standard", code);
        }
        return versions;
    }

    @Override
    public Original original(String code, int version) {
        ImportVersion v = store.versions(code).stream()
                .filter(x -> x.version() == version)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Standard", code + " v" + version));
        byte[] content = store.content(code, version).orElseThrow(() -> new NotFoundException("Standard", code));
        events.publishEvent(AuditableEvent.success(
                "catalog.export",
                "catalog_standard",
                code,
                Msg.of("catalog.audit.original", version, v.fileName(), v.sha256())));
        return new Original(v.fileName(), v.format(), content);
    }

    /** Validates and reads a document; the error names file, line, path and problem. */
    static OscalModel.Catalog read(String file, byte[] content, OscalFormat format) {
        return read(file, content, format, DEFAULT_MAX_DEPTH);
    }

    /** As {@link #read(String, byte[], OscalFormat)}; a document nested deeper than {@code maxDepth} is refused first. */
    static OscalModel.Catalog read(String file, byte[] content, OscalFormat format, int maxDepth) {
        if (format == OscalFormat.JSON) {
            JsonNode doc = LocatedJsonReader.read(file, content, maxDepth);
            List<JsonSchemaCheck.Problem> problems =
                    JsonSchemaCheck.oscalCatalog().validate(content);
            if (!problems.isEmpty()) {
                throw JsonSchemaCheck.first(file, problems);
            }
            return OscalJson.read(doc);
        }
        OscalXml.validate(file, content, maxDepth);
        return OscalXml.read(content);
    }

    static Msg tooDeep(int maxDepth) {
        return Msg.of("catalog.error.tooDeep", maxDepth);
    }

    private static OscalMapping.Imported parse(String code, String file, byte[] content) {
        OscalFormat format = OscalFormat.sniff(content);
        if (format == null) {
            throw new CatalogFileException(file, 1, "$", "storedNotOscal", code);
        }
        return OscalMapping.toStandard(code, file, read(file, content, format));
    }

    /** Words a derived code leaves out: they say what kind of document it is, not which one. */
    private static final Set<String> FILLER =
            Set.of("A", "AN", "THE", "OF", "AND", "FOR", "TO", "IN", "ON", "IMPACT", "BASELINE", "CATALOG", "OSCAL");

    /**
     * A code from the title before any ':' that keeps its numbers, so that different catalogs get different codes:
     * "NIST Special Publication 800-53 Revision 5.1.1 HIGH IMPACT BASELINE" → {@code NIST-SP-800-53-REV5-HIGH},
     * "… Revision 4: Security and Privacy …" → {@code NIST-SP-800-53-REV4}. "Special Publication" reads SP, a
     * revision keeps its major number, filler words ({@link #FILLER}) are left out. A catalog exported by Yunjian
     * comes back as its standard's code + {@code -IMPORT}; OSCAL-IMPORT when the title has no usable word.
     */
    static String deriveCode(OscalModel.Catalog model) {
        String yunjianCode = model.props().stream()
                .filter(p -> p.isYunjian("standard-code"))
                .map(OscalModel.Prop::value)
                .findFirst()
                .orElse(null);
        if (yunjianCode != null) {
            return yunjianCode + "-IMPORT";
        }
        if (model.props().stream().anyMatch(p -> p.isYunjian("item-table"))) {
            return ITEM_TABLE_CODE;
        }
        String title = model.title().toUpperCase(Locale.ROOT);
        int colon = title.indexOf(':');
        title = (colon > 0 ? title.substring(0, colon) : title)
                .replace("SPECIAL PUBLICATION", "SP")
                .replaceAll("REVISION\\s+(\\d+)(?:\\.\\d+)*", "REV$1");
        List<String> segments = new ArrayList<>();
        int length = 0;
        for (String w : title.split("[^A-Z0-9]+")) {
            boolean first = segments.isEmpty();
            if (w.isEmpty() || FILLER.contains(w) || first && (w.length() < 2 || !Character.isLetter(w.charAt(0)))) {
                continue; // a code starts with a word of two or more characters
            }
            if (length + w.length() + 1 > 48) {
                break;
            }
            segments.add(w);
            length += w.length() + 1;
        }
        return segments.isEmpty() ? "OSCAL-IMPORT" : String.join("-", segments);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
