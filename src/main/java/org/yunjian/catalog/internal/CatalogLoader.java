package org.yunjian.catalog.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yunjian.catalog.AllocationRule;
import org.yunjian.catalog.AssessedSide;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.ExitInventory;
import org.yunjian.catalog.Incident;
import org.yunjian.catalog.ItemNature;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.Mapping;
import org.yunjian.catalog.MlpsAssessment;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.RequirementKind;
import org.yunjian.catalog.RoleDetermination;
import org.yunjian.catalog.Standard;
import org.yunjian.catalog.TestStepType;

/**
 * Turns catalog files into a {@link Catalog}: each file is parsed with line numbers, validated
 * against the schema, bound, and checked for consistency (ids match their standard, clause and
 * item; parents exist; recorded corrections point at text that is really there). The first
 * problem in any file aborts the whole load.
 */
public final class CatalogLoader {

    /** A catalog file: the name used in error messages and its bytes. */
    public record Source(String name, byte[] content) {}

    private final JsonSchemaCheck fileSchema;
    private final JsonSchemaCheck mappingSchema;

    /** @param schema the catalog files' JSON Schema (2020-12); its {@code $defs/mappingFile} checks the cross-references */
    public CatalogLoader(Source schema) {
        this(
                JsonSchemaCheck.draft2020(schema.content(), null),
                JsonSchemaCheck.draft2020(schema.content(), "mappingFile"));
    }

    private CatalogLoader(JsonSchemaCheck fileSchema, JsonSchemaCheck mappingSchema) {
        this.fileSchema = fileSchema;
        this.mappingSchema = mappingSchema;
    }

    /**
     * A loader for the catalog files shipped in the application's own classes, which the build has checked against
     * the schema ({@code CatalogLoaderTest.shippedFilesMatchTheSchema}): it parses, binds and checks them for
     * consistency like any other, without checking the schema again at every start (≈ 4 % of a server start's main
     * thread, docs/performance.md).
     */
    static CatalogLoader forShippedFiles() {
        return new CatalogLoader(null, null);
    }

    private static void check(JsonSchemaCheck schema, Source file) {
        if (schema == null) {
            return;
        }
        List<JsonSchemaCheck.Problem> problems = schema.validate(file.content());
        if (!problems.isEmpty()) {
            throw JsonSchemaCheck.first(file.name(), problems);
        }
    }

    public Catalog load(List<Source> files) {
        return load(files, List.of());
    }

    /** Loads the standards, then the cross-reference files, which may only name requirements that exist. */
    public Catalog load(List<Source> files, List<Source> mappingFiles) {
        List<Standard> standards = new ArrayList<>();
        List<Requirement> all = new ArrayList<>();
        Map<String, String> standardFile = new HashMap<>();
        for (Source file : files) {
            Loaded loaded = loadFile(file);
            String previous = standardFile.putIfAbsent(loaded.standard().code(), file.name());
            if (previous != null) {
                throw new CatalogFileException(
                        file.name(),
                        loaded.standardLine(),
                        "standard.code",
                        "standardTwice",
                        loaded.standard().code(),
                        previous);
            }
            standards.add(loaded.standard());
            all.addAll(loaded.requirements());
        }
        Map<RequirementId, Requirement> byId = new HashMap<>();
        all.forEach(r -> byId.put(r.id(), r));
        List<Mapping> mappings = new ArrayList<>();
        for (Source file : mappingFiles) {
            mappings.addAll(loadMappings(file, byId));
        }
        return Catalog.of(standards, all, mappings);
    }

    private List<Mapping> loadMappings(Source file, Map<RequirementId, Requirement> byId) {
        JsonNode root = LocatedJsonReader.read(file.name(), file.content());
        check(mappingSchema, file);
        List<Mapping> out = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        List<JsonNode> nodes = root.get("mappings").items();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            RequirementId from = RequirementId.of(n.get("from").asString());
            RequirementId to = RequirementId.of(n.get("to").asString());
            for (String end : List.of("from", "to")) {
                if (!byId.containsKey(RequirementId.of(n.get(end).asString()))) {
                    throw new CatalogFileException(
                            file.name(),
                            n.get(end).line(),
                            "mappings[" + i + "]." + end,
                            "unknownRequirement",
                            n.get(end).asString());
                }
            }
            if (from.standardCode().equals(to.standardCode())) {
                throw new CatalogFileException(file.name(), n.line(), "mappings[" + i + "]", "mappingSameStandard");
            }
            String pair = from.compareTo(to) < 0 ? from + " " + to : to + " " + from;
            if (!pairs.add(pair)) {
                throw new CatalogFileException(file.name(), n.line(), "mappings[" + i + "]", "mappingTwice", pair);
            }
            out.add(new Mapping(
                    from,
                    to,
                    Mapping.Relation.valueOf(n.get("relation").asString()),
                    n.get("topic").asString(),
                    n.get("rationale").asString(),
                    n.get("rationaleZh").isNull()
                            ? n.get("rationale").asString()
                            : n.get("rationaleZh").asString()));
        }
        return out;
    }

    private record Loaded(Standard standard, int standardLine, List<Requirement> requirements) {}

    private Loaded loadFile(Source file) {
        JsonNode root = LocatedJsonReader.read(file.name(), file.content());
        check(fileSchema, file);
        JsonNode s = root.get("standard");
        Standard standard = new Standard(
                s.get("code").asString(),
                s.get("title").asString(),
                s.get("titleEn").asString(),
                s.get("designation").asString(),
                s.get("sourceFile").asString(),
                s.get("phaseTerms").items().stream()
                        .map(t -> new Standard.PhaseTerm(t.get("term").asString(), enums(t.get("phases"), Phase.class)))
                        .toList(),
                s.get("roleTerms").items().stream()
                        .map(t ->
                                new Standard.RoleTerm(t.get("term").asString(), enums(t.get("roles"), PartyRole.class)))
                        .toList(),
                s.get("notes").asString());

        List<JsonNode> nodes = root.get("requirements").items();
        Map<RequirementId, List<RequirementId>> children = new LinkedHashMap<>();
        Map<RequirementId, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            RequirementId id = RequirementId.of(nodes.get(i).get("id").asString());
            if (index.putIfAbsent(id, i) != null) {
                throw new CatalogFileException(
                        file.name(),
                        nodes.get(i).get("id").line(),
                        path(i, "id"),
                        "idTwice",
                        id.value(),
                        "requirements[" + index.get(id) + "]");
            }
            children.put(id, new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String parent = n.get("parent").asString();
            if (parent != null) {
                List<RequirementId> siblings = children.get(RequirementId.of(parent));
                if (siblings == null) {
                    throw new CatalogFileException(
                            file.name(), n.get("parent").line(), path(i, "parent"), "unknownParent", parent);
                }
                siblings.add(RequirementId.of(n.get("id").asString()));
            }
        }
        List<Requirement> requirements = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            requirements.add(bind(file.name(), standard.code(), i, nodes.get(i), children));
        }
        return new Loaded(standard, s.line(), requirements);
    }

    private Requirement bind(
            String file, String code, int i, JsonNode n, Map<RequirementId, List<RequirementId>> children) {
        RequirementId id = RequirementId.of(n.get("id").asString());
        String clause = n.get("clause").asString();
        String item = n.get("item").asString();
        String expected = code + "-" + clause + (item == null ? "" : "-" + item);
        if (!id.value().equals(expected)) {
            throw new CatalogFileException(file, n.get("id").line(), path(i, "id"), "idMismatch", id.value(), expected);
        }
        RequirementKind kind = RequirementKind.valueOf(n.get("kind").asString());
        if (kind != RequirementKind.ITEM && item != null) {
            throw new CatalogFileException(file, n.get("item").line(), path(i, "item"), "itemSegment");
        }
        if (kind == RequirementKind.ITEM && n.get("text").isNull()) {
            throw new CatalogFileException(file, n.line(), path(i, "text"), "itemText");
        }
        if (n.get("title").isNull()
                && n.get("titleEn").isNull()
                && n.get("text").isNull()) {
            throw new CatalogFileException(file, n.line(), path(i, "title"), "nodeTitle");
        }
        MlpsAssessment mlps = n.get("mlps").isNull() ? null : mlps(file, i, n);
        for (int f = 0; f < n.get("footnotes").items().size(); f++) {
            JsonNode footnote = n.get("footnotes").items().get(f);
            String text = n.get("text").asString();
            if (text == null || !text.contains(footnote.get("mark").asString())) {
                throw new CatalogFileException(
                        file, footnote.line(), path(i, "footnotes[" + f + "].mark"), "footnoteMark");
            }
        }
        for (int c = 0; c < n.get("corrections").items().size(); c++) {
            JsonNode correction = n.get("corrections").items().get(c);
            String field = correction.get("field").asString();
            JsonNode target = n;
            for (String part : field.split("\\.")) {
                target = target.get(part);
            }
            String original = correction.get("original").asString();
            if (target.asString() == null || !target.asString().contains(original)) {
                throw new CatalogFileException(
                        file,
                        correction.line(),
                        path(i, "corrections[" + c + "]"),
                        "correctionAbsent",
                        original,
                        field);
            }
        }
        return new Requirement(
                id,
                code,
                kind,
                clause,
                item,
                n.get("sourceLabel").asString(),
                n.get("numberingReconstructed").asBoolean(),
                n.get("parent").isNull()
                        ? null
                        : RequirementId.of(n.get("parent").asString()),
                children.get(id),
                n.get("title").asString(),
                n.get("titleEn").asString(),
                n.get("titleSource").asString(),
                n.get("text").asString(),
                n.get("textEn").asString(),
                n.get("phaseInStandard").asString(),
                enums(n.get("phases"), Phase.class),
                enums(n.get("roles"), PartyRole.class),
                n.get("layer").isNull() ? null : Layer.valueOf(n.get("layer").asString()),
                enums(n.get("deploymentModels"), DeploymentModel.class),
                n.get("bold").asBoolean(),
                n.get("derivedFromLeadIn").asBoolean(),
                n.get("sourceLine").isNull()
                        ? null
                        : n.get("sourceLine").asNumber().intValue(),
                mlps,
                exitInventory(n.get("exitInventory")),
                n.get("corrections").items().stream()
                        .map(c -> new Requirement.Correction(
                                c.get("field").asString(),
                                c.get("original").asString(),
                                c.get("corrected").asString(),
                                c.get("note").asString()))
                        .toList(),
                n.get("footnotes").items().stream()
                        .map(f -> new Requirement.Footnote(
                                f.get("mark").asString(), f.get("text").asString()))
                        .toList(),
                n.get("notes").items().stream()
                        .map(f -> new Requirement.Note(
                                f.get("text").asString(), f.get("textEn").asString()))
                        .toList(),
                n.get("allocationRules").items().stream()
                        .map(r -> new AllocationRule(
                                AllocationRule.Kind.valueOf(r.get("kind").asString()),
                                r.get("parameter").isNull()
                                        ? null
                                        : r.get("parameter").asNumber().intValue(),
                                enums(r.get("liable"), PartyRole.class)))
                        .toList(),
                roleDetermination(n.get("roleDetermination")),
                incident(n.get("incident")),
                n.get("nature").isNull()
                        ? ItemNature.DUTY
                        : ItemNature.valueOf(n.get("nature").asString()));
    }

    private static MlpsAssessment mlps(String file, int i, JsonNode n) {
        JsonNode m = n.get("mlps");
        if (!m.get("requirement").asString().equals(n.get("text").asString())) {
            throw new CatalogFileException(file, m.get("requirement").line(), path(i, "mlps.requirement"), "mlpsText");
        }
        JsonNode t = m.get("testMethod");
        List<MlpsAssessment.TestStep> steps = new ArrayList<>();
        for (int s = 0; s < t.get("steps").items().size(); s++) {
            JsonNode step = t.get("steps").items().get(s);
            if (!t.get("text").asString().contains(step.get("text").asString())) {
                throw new CatalogFileException(
                        file, step.line(), path(i, "mlps.testMethod.steps[" + s + "].text"), "stepText");
            }
            steps.add(new MlpsAssessment.TestStep(
                    step.get("number").isNull()
                            ? null
                            : step.get("number").asNumber().intValue(),
                    step.get("text").asString(),
                    enums(step.get("types"), TestStepType.class)));
        }
        JsonNode c = m.get("criteria");
        return new MlpsAssessment(
                m.get("area").asString(),
                m.get("controlPoint").asString(),
                m.get("controlPointLabelOnRow").asBoolean(),
                m.get("requirement").asString(),
                m.get("interpretation").asString(),
                new MlpsAssessment.TestMethod(t.get("text").asString(), steps),
                m.get("expectedEvidence").asString(),
                new MlpsAssessment.Criteria(
                        c.get("compliant").asString(),
                        c.get("partiallyCompliant").asString(),
                        c.get("nonCompliant").asString()),
                AssessedSide.valueOf(m.get("assessedSide").asString()));
    }

    private static RoleDetermination roleDetermination(JsonNode r) {
        if (r.isNull()) {
            return null;
        }
        return new RoleDetermination(
                r.get("actor").asString(),
                r.get("behaviours").items().stream()
                        .map(b -> new RoleDetermination.Behaviour(
                                b.get("number").isNull()
                                        ? null
                                        : b.get("number").asNumber().intValue(),
                                b.get("name").asString(),
                                b.get("text").asString()))
                        .toList(),
                r.get("roleTerm").asString(),
                enums(r.get("roles"), PartyRole.class),
                r.get("joint").asBoolean());
    }

    private static Incident incident(JsonNode i) {
        if (i.isNull()) {
            return null;
        }
        JsonNode related = i.get("relatedDuties");
        List<RequirementId> duties = related.isNull()
                ? List.of()
                : strings(related).stream().map(RequirementId::new).toList();
        return new Incident(
                i.get("category").asString(),
                enums(i.get("liableRoles"), PartyRole.class),
                i.get("relatedClause").asString(),
                duties);
    }

    private static ExitInventory exitInventory(JsonNode e) {
        if (e.isNull()) {
            return null;
        }
        return new ExitInventory(
                ExitInventory.Category.valueOf(e.get("category").asString()),
                e.get("fields").items().stream()
                        .map(f -> new ExitInventory.Field(
                                f.get("key").asString(),
                                f.get("name").asString(),
                                f.get("nameEn").asString(),
                                strings(f.get("values"))))
                        .toList(),
                strings(e.get("contents")));
    }

    private static List<String> strings(JsonNode array) {
        return array.items().stream().map(JsonNode::asString).toList();
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode array, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        Function<String, E> parse = v -> Enum.valueOf(type, v);
        array.items().forEach(v -> out.add(parse.apply(v.asString())));
        return out;
    }

    private static String path(int index, String field) {
        return "requirements[" + index + "]." + field;
    }
}
