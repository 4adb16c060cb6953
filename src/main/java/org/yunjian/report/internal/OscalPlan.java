package org.yunjian.report.internal;

import static org.yunjian.report.internal.OscalResults.line;
import static org.yunjian.report.internal.OscalResults.time;
import static org.yunjian.report.internal.OscalResults.uuid;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.party.AssetType;
import org.yunjian.party.SystemAsset;
import org.yunjian.report.ReportText;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessment as an OSCAL 1.1.3 {@code assessment-plan}: what the assessment results ({@link OscalResults})
 * import. Reviewed controls are the requirements of the assessment's 测评项 (the catalog's control ids, as the
 * results' findings target them); the subjects are the system's 测评对象 (local components; the whole system when
 * none is listed); the assessor organisation, its team, the customer and the provider are parties with roles; the
 * schedule is one task from the assessment's start to its completion. {@code import-ssp} names the system's
 * responsibility plan (customer side, same format) when the system has one, else the assessment's own plan of the
 * system ({@link OscalSystemPlan}). UUIDs are name-based, the same at every export.
 */
@Component
public class OscalPlan {

    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The plan in {@code format}. */
    public byte[] render(ReportData d, OscalFormat format) {
        Map<String, Object> doc = document(d, format);
        String text = format == OscalFormat.XML ? OscalXmlWriter.xml(doc) : json.writeValueAsString(doc);
        return Text.safe(text).getBytes(StandardCharsets.UTF_8);
    }

    /** Where the plan of {@code assessment} is served in {@code format} (the results' {@code import-ap}). */
    public static String href(UUID assessment, OscalFormat format) {
        return "/api/assessments/" + assessment + "/oscal-plan." + extension(format);
    }

    /** Where the system security plan the plan imports is served. */
    static String sspHref(ReportData d, OscalFormat format) {
        if (d.setup().matrix() != null || d.setup().draftMatrix() != null) {
            return "/api/systems/" + d.system().id() + "/responsibility/oscal-ssp?format=" + extension(format)
                    + "&side=customer";
        }
        return OscalSystemPlan.href(d.assessment().id(), format);
    }

    static String extension(OscalFormat format) {
        return format == OscalFormat.XML ? "xml" : "json";
    }

    Map<String, Object> document(ReportData d, OscalFormat format) {
        UUID aid = d.assessment().id();
        Map<String, Object> ap = new LinkedHashMap<>();
        ap.put("uuid", uuid("assessment-plan", aid).toString());
        ap.put(
                "metadata",
                metadata(d, Texts.get("oscal.planTitle", line(d.assessment().name())), true));
        ap.put(
                "import-ssp",
                Map.of(
                        "href",
                        sspHref(d, format),
                        "remarks",
                        Texts.get("oscal.plan.ssp", line(d.system().name()))));
        List<Map<String, Object>> components = new ArrayList<>();
        for (SystemAsset a : d.setup().assets()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("uuid", uuid("asset", a.id()).toString());
            c.put("type", componentType(a.type()));
            c.put("title", line(a.name()));
            c.put(
                    "description",
                    Texts.get(
                            "oscal.plan.asset",
                            Msg.of(a.type()).text(),
                            a.version() == null || a.version().isBlank() ? "—" : line(a.version()),
                            Msg.of(a.importance()).text()));
            c.put("status", Map.of("state", "operational"));
            components.add(c);
        }
        if (!components.isEmpty()) {
            ap.put("local-definitions", Map.of("components", components));
        }
        Set<String> controls = new LinkedHashSet<>();
        d.items().forEach(i -> controls.add(i.item().requirementId()));
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("description", Texts.get("oscal.selection", controls.size()));
        if (controls.isEmpty()) {
            selection.put("include-all", Map.of());
        } else {
            selection.put(
                    "include-controls",
                    controls.stream().map(c -> Map.of("control-id", c)).toList());
        }
        Map<String, Object> reviewed = new LinkedHashMap<>();
        reviewed.put(
                "description",
                d.generic()
                        ? Texts.get("oscal.plan.basisGeneric", line(ReportText.catalogs(d)))
                        : Texts.get(
                                "oscal.plan.basis", ReportText.level(d.system().protectionLevel())));
        reviewed.put("control-selections", List.of(selection));
        ap.put("reviewed-controls", reviewed);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "component");
        subject.put(
                "description", Texts.get("oscal.plan.subjects", line(d.system().name()), components.size()));
        if (components.isEmpty()) {
            subject.put("include-all", Map.of());
        } else {
            subject.put(
                    "include-subjects",
                    components.stream()
                            .map(c -> Map.of("subject-uuid", c.get("uuid"), "type", "component"))
                            .toList());
        }
        ap.put("assessment-subjects", List.of(subject));
        ap.put("tasks", List.of(schedule(d)));
        ap.put(
                "back-matter",
                Map.of(
                        "resources",
                        List.of(OscalXmlWriter.resource(
                                uuid("plan-page", aid).toString(),
                                Texts.get("oscal.planTitle", line(d.assessment().name())),
                                "/assessments/" + aid))));
        return Map.of("assessment-plan", ap);
    }

    /** The assessment's time frame: from its start to its completion (or its start only, while it runs). */
    private static Map<String, Object> schedule(ReportData d) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("uuid", uuid("schedule", d.assessment().id()).toString());
        task.put("type", "action");
        task.put("title", Texts.get("oscal.plan.schedule", line(d.assessment().name())));
        task.put(
                "description",
                Texts.get(
                        "oscal.plan.scheduleDescription",
                        ReportText.label(d.assessment().status())));
        if (d.assessment().completedAt() != null) {
            task.put(
                    "timing",
                    Map.of(
                            "within-date-range",
                            new java.util.TreeMap<>(Map.of(
                                            "start", time(d.assessment().createdAt()),
                                            "end", time(d.assessment().completedAt())))
                                    .descendingMap()));
        } else {
            task.put(
                    "timing",
                    Map.of("on-date", Map.of("date", time(d.assessment().createdAt()))));
        }
        task.put("responsible-roles", List.of(Map.of("role-id", "assessor")));
        return task;
    }

    /**
     * The metadata the plan, the POA&amp;M and the system plan share: title, times, roles (assessor, assessment team,
     * customer, provider) and their parties ({@code team}: with the assessors by name).
     */
    static Map<String, Object> metadata(ReportData d, String title, boolean team) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("title", line(title) + " · " + line(d.system().name()));
        metadata.put("last-modified", time(d.generatedAt()));
        metadata.put("version", time(d.assessment().updatedAt()));
        metadata.put("oscal-version", OscalResults.OSCAL_VERSION);
        List<Map<String, Object>> roles = new ArrayList<>();
        roles.add(Map.of("id", "assessor", "title", Texts.get("report.cover.assessor")));
        boolean hasTeam = team && !d.assessorNames().isEmpty();
        if (hasTeam) {
            roles.add(Map.of("id", "assessment-team", "title", Texts.get("oscal.plan.team")));
        }
        roles.add(Map.of("id", "cloud-service-customer", "title", Texts.get("report.cover.customer")));
        if (d.system().providerId() != null) {
            roles.add(Map.of("id", "cloud-service-provider", "title", Texts.get("report.cover.provider")));
        }
        metadata.put("roles", roles);
        List<Map<String, Object>> parties = new ArrayList<>();
        List<Map<String, Object>> responsible = new ArrayList<>();
        String assessor = organisation(parties, d.assessment().assessorOrgId(), d.assessorName());
        responsible.add(Map.of("role-id", "assessor", "party-uuids", List.of(assessor)));
        if (hasTeam) {
            List<String> members = new ArrayList<>();
            for (String name : new LinkedHashSet<>(d.assessorNames())) {
                String id = Uuids5.person(d.assessment().id(), name).toString();
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("uuid", id);
                p.put("type", "person");
                p.put("name", line(name));
                p.put("member-of-organizations", List.of(assessor));
                parties.add(p);
                members.add(id);
            }
            responsible.add(Map.of("role-id", "assessment-team", "party-uuids", members));
        }
        String customer = organisation(parties, d.system().customerId(), d.customerName());
        responsible.add(Map.of("role-id", "cloud-service-customer", "party-uuids", List.of(customer)));
        if (d.system().providerId() != null) {
            String provider = organisation(parties, d.system().providerId(), d.providerName());
            responsible.add(Map.of("role-id", "cloud-service-provider", "party-uuids", List.of(provider)));
        }
        metadata.put("parties", parties);
        metadata.put("responsible-parties", responsible);
        return metadata;
    }

    private static String organisation(List<Map<String, Object>> parties, UUID org, String name) {
        String id = uuid("party", org).toString();
        if (parties.stream().noneMatch(p -> id.equals(p.get("uuid")))) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("uuid", id);
            p.put("type", "organization");
            p.put("name", line(name));
            parties.add(p);
        }
        return id;
    }

    private static String componentType(AssetType t) {
        return switch (t) {
            case PHYSICAL_ROOM -> "physical";
            case NETWORK_DEVICE, SECURITY_DEVICE, SERVER_VM, STORAGE, TERMINAL, CRYPTO_PRODUCT -> "hardware";
            case DATABASE, MIDDLEWARE, APPLICATION -> "software";
            case CLOUD_MANAGEMENT -> "service";
            case DATA, OTHER -> "system";
        };
    }

    /** Name-based UUIDs of the people a plan names. */
    static final class Uuids5 {
        private Uuids5() {}

        static UUID person(UUID assessment, String name) {
            return uuid("person", org.yunjian.shared.Uuids.v5(assessment, name));
        }
    }
}
