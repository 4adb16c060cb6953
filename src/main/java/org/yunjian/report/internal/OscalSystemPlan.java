package org.yunjian.report.internal;

import static org.yunjian.report.internal.OscalResults.line;
import static org.yunjian.report.internal.OscalResults.uuid;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.Requirement;
import org.yunjian.report.ReportText;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessed system as a minimal OSCAL 1.1.3 {@code system-security-plan}, for an assessment plan whose system has
 * no responsibility matrix yet: the system (name, protection level, the customer's), the requirements of its 测评项
 * as implemented requirements, and {@code import-profile} naming the catalog they come from (the platform's OSCAL
 * export of the standard). It claims no implementation: that is what the assessment finds out.
 */
public final class OscalSystemPlan {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OscalSystemPlan() {}

    /** Where the system plan of {@code assessment} is served in {@code format}. */
    public static String href(UUID assessment, OscalFormat format) {
        return "/api/assessments/" + assessment + "/oscal-ssp." + OscalPlan.extension(format);
    }

    /** The standard whose catalog the plan imports: that of most of the assessment's requirements. */
    static String standard(ReportData d, Function<String, Requirement> requirements) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ReportData.ItemReport i : d.items()) {
            Requirement r = requirements.apply(i.item().requirementId());
            if (r != null) {
                counts.merge(r.standardCode(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("GBT22239");
    }

    public static byte[] render(ReportData d, OscalFormat format, Function<String, Requirement> requirements) {
        Map<String, Object> doc = document(d, requirements);
        String text = format == OscalFormat.XML ? OscalXmlWriter.xml(doc) : JSON.writeValueAsString(doc);
        return Text.safe(text).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> document(ReportData d, Function<String, Requirement> requirements) {
        UUID aid = d.assessment().id();
        String code = standard(d, requirements);
        Map<String, Object> ssp = new LinkedHashMap<>();
        ssp.put("uuid", uuid("system-plan", aid).toString());
        ssp.put("metadata", OscalPlan.metadata(d, Texts.get("oscal.ssp.title"), false));
        String catalog = uuid("catalog", aid).toString();
        ssp.put("import-profile", Map.of("href", "#" + catalog));
        Map<String, Object> system = new LinkedHashMap<>();
        system.put(
                "system-ids",
                List.of(Map.of(
                        "identifier-type",
                        "https://ietf.org/rfc/rfc4122",
                        "id",
                        d.system().id().toString())));
        system.put("system-name", line(d.system().name()));
        system.put(
                "description",
                Texts.get("oscal.ssp.description", ReportText.level(d.system().protectionLevel()), d.customerName()));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", line(d.system().name()));
        info.put("description", Texts.get("oscal.ssp.information"));
        system.put("system-information", Map.of("information-types", List.of(withUuid(info, uuid("info", aid)))));
        system.put("status", Map.of("state", "operational"));
        system.put("authorization-boundary", Map.of("description", Texts.get("oscal.ssp.boundary")));
        ssp.put("system-characteristics", system);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("uuid", uuid("user", aid).toString());
        user.put("title", Texts.get("report.cover.customer"));
        user.put("role-ids", List.of("cloud-service-customer"));
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("uuid", uuid("this-system", aid).toString()); // the by-components' component
        component.put("type", "this-system");
        component.put("title", line(d.system().name()));
        component.put("description", Texts.get("oscal.ssp.information"));
        component.put("status", Map.of("state", "operational"));
        Map<String, Object> implementation = new LinkedHashMap<>();
        implementation.put("users", List.of(user));
        implementation.put("components", List.of(component));
        ssp.put("system-implementation", implementation);
        Set<String> controls = new LinkedHashSet<>();
        for (ReportData.ItemReport i : d.items()) {
            Requirement r = requirements.apply(i.item().requirementId());
            if (r == null || code.equals(r.standardCode())) {
                controls.add(i.item().requirementId());
            }
        }
        Map<String, Object> controlImplementation = new LinkedHashMap<>();
        controlImplementation.put("description", Texts.get("oscal.ssp.controls", controls.size()));
        String thisSystem = uuid("this-system", aid).toString();
        if (controls.isEmpty()) {
            controls.add("none");
        }
        controlImplementation.put(
                "implemented-requirements",
                controls.stream()
                        .map(c -> {
                            UUID requirement = org.yunjian.shared.Uuids.v5(aid, c);
                            Map<String, Object> byComponent = new LinkedHashMap<>();
                            byComponent.put("component-uuid", thisSystem);
                            byComponent.put(
                                    "uuid", uuid("by-component", requirement).toString());
                            byComponent.put("description", Texts.get("oscal.ssp.byComponent"));
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("uuid", uuid("requirement", requirement).toString());
                            r.put("control-id", c);
                            r.put("by-components", List.of(byComponent));
                            return r;
                        })
                        .toList());
        ssp.put("control-implementation", controlImplementation);
        ssp.put(
                "back-matter",
                Map.of(
                        "resources",
                        List.of(OscalXmlWriter.resource(
                                catalog,
                                Texts.get("oscal.ssp.catalog", code),
                                "/api/catalog/standards/" + code + "/oscal?format=json"))));
        return Map.of("system-security-plan", ssp);
    }

    private static Map<String, Object> withUuid(Map<String, Object> m, UUID id) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uuid", id.toString());
        out.putAll(m);
        return out;
    }
}
