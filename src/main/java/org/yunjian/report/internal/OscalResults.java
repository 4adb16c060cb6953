package org.yunjian.report.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.ItemGenerator;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.Verdict;
import org.yunjian.catalog.MlpsAssessment;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.TestStepType;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.report.ReportText;
import org.yunjian.report.internal.ReportData.ItemReport;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;
import org.yunjian.shared.Uuids;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessment as an OSCAL 1.1.3 {@code assessment-results} document (docs/modules/assessment.md, "OSCAL").
 * One result for the assessment; per test item with a verdict one observation (observed facts, methods from
 * the catalog's test steps, the evidence it rests on) and one finding targeting the requirement's statement
 * ({@code <requirement id>_smt}, as the catalog's OSCAL export names it). Verdicts, sides and risks are
 * properties in the Yunjian namespace; evidence files are back-matter resources with their SM3 hash.
 * Identifiers are name-based (version 5) UUIDs of the platform's ids, so exporting twice gives the same ones.
 */
@Component
public class OscalResults {

    static final String NS = "https://yunjian.org/ns/oscal";
    static final String OSCAL_VERSION = "1.1.3";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** The namespace of Yunjian's name-based UUIDs (itself a version 5 UUID of the namespace URI). */
    private static final UUID UUID_NS = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private final ItemGenerator generator;
    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    OscalResults(ItemGenerator generator) {
        this.generator = generator;
    }

    public byte[] render(ReportData d) {
        return Text.safe(json.writeValueAsString(document(d))).getBytes(StandardCharsets.UTF_8);
    }

    Map<String, Object> document(ReportData d) {
        UUID aid = d.assessment().id();
        ScoreResult s = d.score();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("title", ReportText.title(d) + " · " + line(d.system().name()));
        metadata.put("last-modified", time(d.generatedAt()));
        metadata.put("version", time(d.assessment().updatedAt()));
        metadata.put("oscal-version", OSCAL_VERSION);
        List<Map<String, Object>> roles = new ArrayList<>();
        roles.add(Map.of("id", "assessor", "title", Texts.get("report.cover.assessor")));
        roles.add(Map.of("id", "cloud-service-customer", "title", Texts.get("report.cover.customer")));
        if (d.system().providerId() != null) {
            roles.add(Map.of("id", "cloud-service-provider", "title", Texts.get("report.cover.provider")));
        }
        metadata.put("roles", roles);
        List<Map<String, Object>> parties = new ArrayList<>();
        List<Map<String, Object>> responsible = new ArrayList<>();
        party(parties, responsible, "assessor", d.assessment().assessorOrgId(), d.assessorName());
        party(parties, responsible, "cloud-service-customer", d.system().customerId(), d.customerName());
        if (d.system().providerId() != null) {
            party(parties, responsible, "cloud-service-provider", d.system().providerId(), d.providerName());
        }
        metadata.put("parties", parties);
        metadata.put("responsible-parties", responsible);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("uuid", uuid("result", aid).toString());
        result.put("title", line(d.assessment().name()));
        result.put(
                "description",
                d.generic()
                        ? Texts.get(
                                "oscal.resultGeneric",
                                line(ReportText.catalogs(d)),
                                line(d.system().name()),
                                ReportText.label(d.assessment().status()))
                        : Texts.get(
                                "oscal.result",
                                line(d.system().name()),
                                ReportText.level(d.system().protectionLevel()),
                                ReportText.label(d.assessment().status())));
        result.put("remarks", Texts.get("report.cover.numberLine", d.reportNumber()));
        result.put("start", time(d.assessment().createdAt()));
        if (d.assessment().completedAt() != null) {
            result.put("end", time(d.assessment().completedAt()));
        }
        List<Map<String, Object>> props = new ArrayList<>();
        prop(props, "assessment-status", d.assessment().status().name());
        prop(props, "assessor-kind", d.assessment().assessorKind().name());
        prop(props, "protection-level", String.valueOf(d.system().protectionLevel()));
        prop(props, "compliance-rate", String.format(Locale.ROOT, "%.2f", s.complianceRate()));
        prop(props, "conclusion", s.conclusion().name());
        prop(props, "conclusion-zh", Msg.of(s.conclusion()).text(Texts.CHINESE));
        prop(props, "report-number", d.reportNumber());
        prop(props, "scoring-policy", s.policyId());
        prop(props, "scoring-policy-version", s.policyVersion());
        prop(props, "high-risk-count", String.valueOf(s.highRisk().size()));
        prop(props, "medium-risk-count", String.valueOf(s.mediumRisk()));
        prop(props, "pending-count", String.valueOf(s.pending()));
        for (String scope : d.assessment().scope()) {
            prop(props, "scope", scope);
        }
        result.put("props", props);

        Set<String> controls = new LinkedHashSet<>();
        d.items().forEach(i -> controls.add(i.item().requirementId()));
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("description", Texts.get("oscal.selection", controls.size()));
        selection.put(
                "include-controls",
                controls.stream().map(c -> Map.of("control-id", c)).toList());
        result.put("reviewed-controls", Map.of("control-selections", List.of(selection)));

        List<Map<String, Object>> observations = new ArrayList<>();
        List<Map<String, Object>> findings = new ArrayList<>();
        List<Map<String, Object>> resources = new ArrayList<>();
        Set<UUID> evidenceListed = new HashSet<>();
        for (ItemReport i : d.items()) {
            if (i.item().verdict() == null
                    && i.item().observations() == null
                    && i.evidence().isEmpty()) {
                continue;
            }
            UUID observation = uuid("observation", i.item().id());
            observations.add(observation(i, observation));
            if (i.item().verdict() != null) {
                findings.add(finding(i, observation));
            }
            // one resource per evidence file, however many items it was attached to (OSCAL: unique back-matter UUIDs)
            i.evidence().stream().filter(e -> evidenceListed.add(e.id())).forEach(e -> resources.add(resource(e)));
        }
        if (!observations.isEmpty()) {
            result.put("observations", observations);
        }
        if (!findings.isEmpty()) {
            result.put("findings", findings);
        }

        Map<String, Object> ar = new LinkedHashMap<>();
        ar.put("uuid", UUID.randomUUID().toString());
        ar.put("metadata", metadata);
        // the assessment plan the platform serves beside the results (OscalPlan): results → plan → system plan →
        // catalog
        ar.put(
                "import-ap",
                Map.of(
                        "href",
                        OscalPlan.href(aid, org.yunjian.catalog.OscalFormat.JSON),
                        "remarks",
                        Texts.get("oscal.plan", d.reportNumber())));
        resources.add(
                0,
                Map.of(
                        "uuid",
                        uuid("plan", aid).toString(),
                        "title",
                        Texts.get("oscal.planTitle", line(d.assessment().name())),
                        "rlinks",
                        List.of(Map.of("href", "/assessments/" + aid))));
        ar.put("results", List.of(result));
        ar.put("back-matter", Map.of("resources", resources));
        return Map.of("assessment-results", ar);
    }

    private Map<String, Object> observation(ItemReport i, UUID id) {
        var t = i.item();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("uuid", id.toString());
        o.put("title", t.requirementId() + " " + ReportText.label(t.side()));
        o.put("description", t.observations() == null ? Texts.get("oscal.noObservations") : t.observations());
        o.put("methods", methods(t.requirementId()));
        List<Map<String, Object>> props = new ArrayList<>();
        prop(props, "side", t.side().name());
        prop(props, "layer", t.layer());
        prop(props, "control-point", t.controlPoint());
        o.put("props", props);
        if (!i.evidence().isEmpty()) {
            o.put(
                    "relevant-evidence",
                    i.evidence().stream()
                            .map(e -> {
                                List<Map<String, Object>> ep = new ArrayList<>();
                                prop(ep, "sm3", e.sm3());
                                prop(ep, "size", String.valueOf(e.size()));
                                prop(ep, "media-type", e.contentType());
                                Map<String, Object> r = new LinkedHashMap<>();
                                r.put("href", "#" + uuid("evidence", e.id()));
                                r.put("description", line(e.displayName()));
                                r.put("props", ep);
                                return r;
                            })
                            .toList());
        }
        o.put("collected", time(t.updatedAt()));
        return o;
    }

    private static Map<String, Object> finding(ItemReport i, UUID observation) {
        var t = i.item();
        Verdict v = t.verdict();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", v.isFinding() ? "not-satisfied" : "satisfied");
        status.put("reason", v == Verdict.COMPLIANT ? "pass" : v.isFinding() ? "fail" : "other");
        if (v == Verdict.NOT_APPLICABLE) {
            status.put(
                    "remarks",
                    t.verdictReason() == null
                            ? ReportText.label(v)
                            : Texts.get("oscal.withReason", ReportText.label(v), t.verdictReason()));
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", "statement-id");
        target.put("target-id", t.requirementId() + "_smt");
        target.put("status", status);
        List<Map<String, Object>> props = new ArrayList<>();
        prop(props, "verdict", token(v));
        prop(props, "verdict-zh", Msg.of(v).text(Texts.CHINESE));
        prop(props, "side", t.side().name());
        if (t.riskLevel() != null) {
            prop(props, "risk-level", t.riskLevel().name().toLowerCase(Locale.ROOT));
            prop(props, "risk-reason", t.riskReason());
        }
        prop(props, "verdict-reason", t.verdictReason());
        if (i.inherited() != null) {
            Inheritances.Source src = i.inherited().source();
            prop(props, "inherited", "true");
            prop(props, "inherited-from-kind", src.kind().name().toLowerCase(Locale.ROOT));
            prop(props, "inherited-from-report-number", src.reportNumber());
            prop(props, "inherited-from-date", src.date().toString());
            prop(
                    props,
                    "inherited-from",
                    src.kind() == Inheritances.SourceKind.YUNJIAN ? src.name() : src.organisation());
            if (i.inherited().sourceItemId() != null) {
                prop(
                        props,
                        "inherited-from-finding",
                        uuid("finding", i.inherited().sourceItemId()).toString());
            }
        }
        if (v.isFinding()) {
            prop(props, "finding", t.finding());
            prop(props, "recommendation", t.recommendation());
            prop(props, "no-evidence-reason", t.noEvidenceReason());
        }
        long retests = i.history().stream().filter(i::retest).count();
        if (retests > 0) {
            prop(props, "retest-count", String.valueOf(retests));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("uuid", uuid("finding", t.id()).toString());
        f.put("title", Texts.get("oscal.findingTitle", ReportText.itemHeading(i), ReportText.label(v)));
        f.put(
                "description",
                Texts.get(
                        "oscal.findingDescription",
                        i.layer() + " / " + i.controlPoint(),
                        ReportText.label(v),
                        t.verdictReason() == null ? "" : t.verdictReason()));
        f.put("props", props);
        f.put("target", target);
        f.put("related-observations", List.of(Map.of("observation-uuid", observation.toString())));
        return f;
    }

    private static Map<String, Object> resource(EvidenceInfo e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", uuid("evidence", e.id()).toString());
        r.put("title", line(e.displayName()));
        List<Map<String, Object>> props = new ArrayList<>();
        prop(props, "size", String.valueOf(e.size()));
        prop(props, "uploaded-by", e.uploadedByName());
        r.put("props", props);
        r.put(
                "rlinks",
                List.of(Map.of(
                        "href",
                        "/api/evidence/" + e.id() + "/content",
                        "media-type",
                        e.contentType(),
                        "hashes",
                        List.of(Map.of("algorithm", "SM3", "value", e.sm3())))));
        return r;
    }

    private List<String> methods(String requirementId) {
        Set<String> out = new LinkedHashSet<>();
        Requirement r = generator.requirement(requirementId).orElse(null);
        MlpsAssessment m = r == null ? null : r.mlps();
        if (m != null && m.testMethod() != null) {
            m.testMethod().steps().forEach(step -> step.types().stream()
                    .map(TestStepType::name)
                    .forEach(out::add));
        }
        if (out.isEmpty()) {
            out.add("EXAMINE");
        }
        return List.copyOf(out);
    }

    private static void party(
            List<Map<String, Object>> parties,
            List<Map<String, Object>> responsible,
            String role,
            UUID org,
            String name) {
        String id = uuid("party", org).toString();
        if (parties.stream().noneMatch(p -> id.equals(p.get("uuid")))) {
            parties.add(Map.of("uuid", id, "type", "organization", "name", line(name)));
        }
        responsible.add(Map.of("role-id", role, "party-uuids", List.of(id)));
    }

    static String token(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A property in the Yunjian namespace; blank values are left out (OSCAL strings are non-empty, one line). */
    private static void prop(List<Map<String, Object>> props, String name, String value) {
        String v = value == null ? "" : line(value);
        if (!v.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            p.put("ns", NS);
            p.put("value", v);
            props.add(p);
        }
    }

    /** One line without leading or trailing space (OSCAL's markup-line and string). */
    static String line(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** RFC 4122 version 5 (SHA-1, name-based) UUID of {@code kind:id} in Yunjian's namespace. */
    static UUID uuid(String kind, UUID id) {
        return Uuids.v5(UUID_NS, kind + ":" + id);
    }
}
