package org.yunjian.party.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.party.internal.Inputs.OrganizationInput;
import org.yunjian.party.internal.Inputs.PartyRef;
import org.yunjian.party.internal.Inputs.SystemInput;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports organisations or cloud systems from CSV or JSON. All or nothing: every row is checked
 * first and a file with any bad row is rejected whole, listing every bad row (CSV: its physical line,
 * the header being line 1; JSON: its array index) with its field problems.
 */
@Service
public class ImportService {

    /** The import file formats. */
    public enum Format {
        CSV,
        JSON;

        /** Parses a format name; {@code null} or blank means detect from the content. */
        public static Format parse(String name) {
            if (name == null || name.isBlank()) {
                return null;
            }
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** What was imported. */
    public record Result(String kind, int count, List<UUID> ids) {}

    /** A bad row: {@code position} is the CSV line or JSON index, {@code null} for the file as a whole. */
    public record RowError(Integer position, Map<String, String> errors) {}

    /** The file was rejected; nothing was stored. */
    public static final class ImportRejectedException extends org.yunjian.shared.ProblemException {
        private final Format format;
        private final transient List<RowError> rows;

        ImportRejectedException(Format format, List<RowError> rows) {
            super(400, "import-rejected", org.yunjian.shared.Msg.of("party.import.problem", rows.size()));
            this.format = format;
            this.rows = List.copyOf(rows);
        }

        /**
         * An {@code errors} map ("line 3" or "[2]" → that row's problems) and the same as structured {@code rows}
         * ({@code line} or {@code index}, and {@code errors}).
         */
        @Override
        public Map<String, Object> problemProperties() {
            Map<String, String> errors = new LinkedHashMap<>();
            for (RowError row : rows) {
                String key = row.position() == null
                        ? "file"
                        : format == Format.JSON ? "[" + row.position() + "]" : "line " + row.position();
                errors.put(
                        key,
                        row.errors().entrySet().stream()
                                .map(x -> x.getKey() + ": " + x.getValue())
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""));
            }
            List<Map<String, Object>> structured = rows.stream()
                    .map(r -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put(format == Format.JSON ? "index" : "line", r.position());
                        m.put("errors", r.errors());
                        return m;
                    })
                    .toList();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("errors", errors);
            p.put("rows", structured);
            return p;
        }

        /** The format of the file, or {@code null} if it was not recognised. */
        public Format format() {
            return format;
        }

        public List<RowError> rows() {
            return rows;
        }
    }

    static final List<String> ORG_COLUMNS = List.of("name", "creditCode", "region", "roles");
    static final List<String> SYSTEM_COLUMNS = List.of(
            "name",
            "customerCreditCode",
            "protectionLevel",
            "deploymentModel",
            "serviceModel",
            "industry",
            "dataClassification",
            "regions",
            "providerCreditCode",
            "agents",
            "platformLevel");
    private static final Set<String> SYSTEM_OPTIONAL = Set.of("providerCreditCode", "agents", "platformLevel");
    private static final Set<String> AGENT_KEYS = Set.of("creditCode", "role");

    private final OrganizationService organizationService;
    private final SystemService systemService;
    private final OrganizationRepository organizations;
    private final SystemRepository systems;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxBytes;
    private final int maxRows;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportService(
            OrganizationService organizationService,
            SystemService systemService,
            OrganizationRepository organizations,
            SystemRepository systems,
            Validation validation,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${yunjian.party.import.max-bytes:5242880}") int maxBytes,
            @Value("${yunjian.party.import.max-rows:10000}") int maxRows) {
        this.organizationService = organizationService;
        this.systemService = systemService;
        this.organizations = organizations;
        this.systems = systems;
        this.validation = validation;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Imports organisations for a system administrator. */
    public Result importOrganizations(byte[] content, Format format) {
        requireAdmin("organization.import");
        return organizations(content, format);
    }

    /** Imports cloud systems for a system administrator. */
    public Result importSystems(byte[] content, Format format) {
        requireAdmin("system.import");
        return systems(content, format);
    }

    /** For the command line, run by the operator of the installation: there is no logged-in user. */
    public Result importOrganizationsAsOperator(byte[] content, Format format) {
        return organizations(content, format);
    }

    public Result importSystemsAsOperator(byte[] content, Format format) {
        return systems(content, format);
    }

    private void requireAdmin(String action) {
        Caller c = Caller.require();
        if (!c.admin()) {
            events.publishEvent(AuditableEvent.denied(action, "import", null, Msg.of("party.audit.denied.adminOnly")));
            throw new AccessDeniedException("party.denied.adminOnly");
        }
    }

    private Result organizations(byte[] content, Format given) {
        String action = "organization.import";
        Parsed parsed = parse(content, given, ORG_COLUMNS, Set.of(), action);
        List<RowError> bad = new ArrayList<>();
        List<OrganizationService.Valid> valid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : parsed.rows()) {
            FieldErrors errors = row.errors();
            OrganizationInput in = new OrganizationInput(
                    row.value("name"), row.value("creditCode"), row.value("region"), row.list("roles"));
            OrganizationService.Valid v = organizationService.check(in, errors);
            if (v.creditCode() != null) {
                Integer first = seen.putIfAbsent(v.creditCode().value(), row.position());
                if (first != null) {
                    errors.add("creditCode", validation.msg("party.error.creditCode.duplicateInFile", first));
                } else if (organizations
                        .findByCreditCode(v.creditCode().value())
                        .isPresent()) {
                    errors.add("creditCode", validation.msg("party.error.creditCode.duplicate"));
                }
            }
            if (errors.isEmpty()) {
                valid.add(v);
            } else {
                bad.add(new RowError(row.position(), ordered(errors)));
            }
        }
        rejectIfAny(parsed.format(), bad, action);
        List<UUID> ids;
        try {
            ids = tx.execute(status -> storeOrganizations(valid, parsed.format(), action));
        } catch (DuplicateKeyException e) {
            // a credit code was registered by someone else between the checks and the writes
            throw fileError(parsed.format(), action, validation.msg("party.error.creditCode.duplicate"));
        }
        return new Result("organizations", ids.size(), ids);
    }

    private List<UUID> storeOrganizations(List<OrganizationService.Valid> valid, Format format, String action) {
        Instant now = clock.instant();
        List<UUID> out = new ArrayList<>();
        for (OrganizationService.Valid v : valid) {
            Organization o =
                    new Organization(UUID.randomUUID(), v.name(), v.creditCode(), v.region(), v.roles(), now, now);
            organizations.insert(o);
            out.add(o.id());
        }
        events.publishEvent(AuditableEvent.success(
                action, "organization", null, Msg.of("party.audit.imported", format.name(), out.size())));
        return out;
    }

    private Result systems(byte[] content, Format given) {
        String action = "system.import";
        Parsed parsed = parse(content, given, SYSTEM_COLUMNS, SYSTEM_OPTIONAL, action);
        List<RowError> bad = new ArrayList<>();
        List<SystemService.Valid> valid = new ArrayList<>();
        for (Row row : parsed.rows()) {
            FieldErrors errors = row.errors();
            SystemInput in = new SystemInput(
                    row.value("name"),
                    row.value("customerCreditCode"),
                    row.value("protectionLevel"),
                    row.value("deploymentModel"),
                    row.value("serviceModel"),
                    row.value("industry"),
                    row.value("dataClassification"),
                    row.list("regions"),
                    row.value("providerCreditCode"),
                    row.agents(),
                    row.value("platformLevel"));
            SystemService.Valid v =
                    systemService.check(in, errors, systemService.creditCodeLookup(), SystemService.Fields.IMPORT);
            if (errors.isEmpty()) {
                valid.add(v);
            } else {
                bad.add(new RowError(row.position(), ordered(errors)));
            }
        }
        rejectIfAny(parsed.format(), bad, action);
        List<UUID> ids = tx.execute(status -> {
            Instant now = clock.instant();
            List<UUID> out = new ArrayList<>();
            for (SystemService.Valid v : valid) {
                CloudSystem s = v.toSystem(UUID.randomUUID(), now, now);
                systems.insert(s);
                out.add(s.id());
            }
            events.publishEvent(AuditableEvent.success(
                    action,
                    "system",
                    null,
                    Msg.of("party.audit.imported", parsed.format().name(), out.size())));
            return out;
        });
        return new Result("systems", ids.size(), ids);
    }

    private void rejectIfAny(Format format, List<RowError> bad, String action) {
        if (!bad.isEmpty()) {
            events.publishEvent(AuditableEvent.failure(
                    action, "import", null, Msg.of("party.audit.importRejected", format.name(), bad.size())));
            throw new ImportRejectedException(format, bad);
        }
    }

    /** The problems in the order they were found ({@link FieldErrors#asMap()} does not keep it). */
    static Map<String, String> ordered(FieldErrors errors) {
        try {
            errors.throwIfAny();
            return Map.of();
        } catch (FieldErrors.ValidationException e) {
            return e.errors();
        }
    }

    private ImportRejectedException fileError(Format format, String action, String message) {
        events.publishEvent(AuditableEvent.failure(
                action, "import", null, Msg.of("party.audit.fileRejected", format == null ? "" : format.name())));
        return new ImportRejectedException(
                format, List.of(new RowError(null, new LinkedHashMap<>(Map.of("file", message)))));
    }

    // ---- parsing ----------------------------------------------------------------------------------------------

    private record Parsed(Format format, List<Row> rows) {}

    /** One row's raw values; parse problems go straight into its errors. */
    private record Row(
            int position,
            Map<String, String> values,
            Map<String, List<String>> lists,
            List<PartyRef> agentRefs,
            FieldErrors errors) {

        String value(String key) {
            return values.get(key);
        }

        List<String> list(String key) {
            return lists.getOrDefault(key, List.of());
        }

        List<PartyRef> agents() {
            return agentRefs;
        }
    }

    private Parsed parse(byte[] content, Format given, List<String> columns, Set<String> optional, String action) {
        if (content == null || content.length == 0) {
            throw fileError(given, action, validation.msg("party.import.empty"));
        }
        if (content.length > maxBytes) {
            throw fileError(given, action, validation.msg("party.import.tooLarge", maxBytes / (1024 * 1024)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fileError(given, action, validation.msg("party.import.notUtf8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Format format = given != null ? given : detect(text);
        List<Row> rows =
                format == Format.JSON ? parseJson(text, columns, action) : parseCsv(text, columns, optional, action);
        if (rows.isEmpty()) {
            throw fileError(format, action, validation.msg("party.import.noRows"));
        }
        return new Parsed(format, rows);
    }

    static Format detect(String text) {
        String s = text.stripLeading();
        return s.startsWith("[") || s.startsWith("{") ? Format.JSON : Format.CSV;
    }

    private List<Row> parseCsv(String text, List<String> columns, Set<String> optional, String action) {
        List<Csv.Record> records;
        try {
            records = Csv.parse(text, maxRows + 1);
        } catch (Csv.CsvException e) {
            if ("tooManyRecords".equals(e.reason())) {
                throw fileError(Format.CSV, action, validation.msg("party.import.tooManyRows", maxRows));
            }
            throw fileError(Format.CSV, action, validation.msg("party.import.csv." + e.reason(), e.line()));
        }
        if (records.isEmpty()) {
            throw fileError(Format.CSV, action, validation.msg("party.import.noRows"));
        }
        List<String> header =
                records.get(0).fields().stream().map(String::strip).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            String known = columns.stream()
                    .filter(c -> c.equalsIgnoreCase(h))
                    .findFirst()
                    .orElse(null);
            if (known == null) {
                throw fileError(
                        Format.CSV,
                        action,
                        validation.msg(
                                "party.import.unknownColumn", Validation.shorten(h), String.join(", ", columns)));
            }
            if (index.putIfAbsent(known, i) != null) {
                throw fileError(Format.CSV, action, validation.msg("party.import.duplicateColumn", known));
            }
        }
        List<String> missing = columns.stream()
                .filter(c -> !index.containsKey(c) && !optional.contains(c))
                .toList();
        if (!missing.isEmpty()) {
            throw fileError(
                    Format.CSV, action, validation.msg("party.import.missingColumns", String.join(", ", missing)));
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Record r : records.subList(1, records.size())) {
            FieldErrors errors = new FieldErrors();
            if (r.fields().size() != header.size()) {
                errors.add(
                        "row",
                        validation.msg(
                                "party.import.fieldCount",
                                header.size(),
                                r.fields().size()));
            }
            Map<String, String> values = new HashMap<>();
            Map<String, List<String>> lists = new HashMap<>();
            index.forEach((col, i) -> {
                String v = i < r.fields().size() ? r.fields().get(i) : null;
                values.put(col, v);
                lists.put(col, splitList(v));
            });
            List<PartyRef> agents = new ArrayList<>();
            List<String> rawAgents = lists.getOrDefault("agents", List.of());
            for (int i = 0; i < rawAgents.size(); i++) {
                String a = rawAgents.get(i);
                int colon = a.lastIndexOf(':');
                if (colon < 0) {
                    errors.add("agents[" + i + "]", validation.msg("party.import.agentFormat"));
                    agents.add(new PartyRef(a, null));
                } else {
                    agents.add(new PartyRef(
                            a.substring(0, colon).strip(),
                            a.substring(colon + 1).strip()));
                }
            }
            rows.add(new Row(r.line(), values, lists, agents, errors));
        }
        return rows;
    }

    static List<String> splitList(String v) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private List<Row> parseJson(String text, List<String> columns, String action) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw fileError(Format.JSON, action, validation.msg("party.import.json.invalid", line));
        }
        if (root == null || !root.isArray()) {
            throw fileError(Format.JSON, action, validation.msg("party.import.json.notArray"));
        }
        if (root.size() > maxRows) {
            throw fileError(Format.JSON, action, validation.msg("party.import.tooManyRows", maxRows));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            FieldErrors errors = new FieldErrors();
            Map<String, String> values = new HashMap<>();
            Map<String, List<String>> lists = new HashMap<>();
            List<PartyRef> agents = new ArrayList<>();
            if (node == null || !node.isObject()) {
                errors.add("row", validation.msg("party.import.json.notObject"));
                rows.add(new Row(i, values, lists, agents, errors));
                continue;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                JsonNode v = e.getValue();
                if (!columns.contains(key)) {
                    errors.add(Validation.shorten(key), validation.msg("party.import.unknownField"));
                } else if (key.equals("roles") || key.equals("regions")) {
                    lists.put(key, stringList(v, key, errors));
                } else if (key.equals("agents")) {
                    agents.addAll(agentList(v, errors));
                } else {
                    values.put(key, scalar(v, key, errors));
                }
            }
            rows.add(new Row(i, values, lists, agents, errors));
        }
        return rows;
    }

    private String scalar(JsonNode v, String field, FieldErrors errors) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString() || v.isNumber()) {
            return v.asString();
        }
        errors.add(field, validation.msg("party.import.json.notScalar"));
        return null;
    }

    private List<String> stringList(JsonNode v, String field, FieldErrors errors) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isString()) {
            return splitList(v.asString());
        }
        if (!v.isArray()) {
            errors.add(field, validation.msg("party.import.json.notArray.field"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(scalar(v.get(i), field + "[" + i + "]", errors));
        }
        return out;
    }

    private List<PartyRef> agentList(JsonNode v, FieldErrors errors) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            errors.add("agents", validation.msg("party.import.json.notArray.field"));
            return List.of();
        }
        List<PartyRef> out = new ArrayList<>();
        Function<Integer, String> f = i -> "agents[" + i + "]";
        for (int i = 0; i < v.size(); i++) {
            JsonNode a = v.get(i);
            if (!a.isObject()) {
                errors.add(f.apply(i), validation.msg("party.import.json.notObject"));
                continue;
            }
            for (String k : a.propertyNames()) {
                if (!AGENT_KEYS.contains(k)) {
                    errors.add(f.apply(i) + "." + Validation.shorten(k), validation.msg("party.import.unknownField"));
                }
            }
            out.add(new PartyRef(
                    scalar(a.get("creditCode"), f.apply(i) + ".creditCode", errors),
                    scalar(a.get("role"), f.apply(i) + ".role", errors)));
        }
        return out;
    }
}
