package org.yunjian.report.internal;

import static org.yunjian.report.internal.OscalResults.line;
import static org.yunjian.report.internal.OscalResults.time;
import static org.yunjian.report.internal.OscalResults.uuid;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.report.ReportText;
import org.yunjian.risk.RiskRegister;
import org.yunjian.risk.RiskState;
import org.yunjian.risk.RiskTreatment;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessment's risk register as an OSCAL 1.1.3 {@code plan-of-action-and-milestones}: per finding of the register
 * one risk (status from the register's state, deadline from the due date, the response after the treatment with the
 * responsible organisation's action and the milestones as tasks), one finding on the 测评项's requirement, one
 * observation, and the poam-item tying them together. It imports the same system plan as the assessment plan
 * ({@link OscalPlan#sspHref}); UUIDs of findings and observations are those of the assessment results.
 */
@Component
public class OscalPoam {

    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public byte[] render(ReportData d, List<RiskRegister.Entry> entries, OscalFormat format) {
        Map<String, Object> doc = document(d, entries, format);
        String text = format == OscalFormat.XML ? OscalXmlWriter.xml(doc) : json.writeValueAsString(doc);
        return Text.safe(text).getBytes(StandardCharsets.UTF_8);
    }

    Map<String, Object> document(ReportData d, List<RiskRegister.Entry> entries, OscalFormat format) {
        UUID aid = d.assessment().id();
        Map<String, Object> metadata = OscalPlan.metadata(d, Texts.get("oscal.poam.title"), false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roles = new ArrayList<>((List<Map<String, Object>>) metadata.get("roles"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parties = new ArrayList<>((List<Map<String, Object>>) metadata.get("parties"));
        roles.add(Map.of("id", "remediation-owner", "title", Texts.get("oscal.poam.owner")));
        metadata.put("roles", roles);
        metadata.put("parties", parties);
        Map<String, Object> poam = new LinkedHashMap<>();
        poam.put("uuid", uuid("poam", aid).toString());
        poam.put("metadata", metadata);
        poam.put(
                "import-ssp",
                Map.of(
                        "href",
                        OscalPlan.sspHref(d, format),
                        "remarks",
                        Texts.get("oscal.plan.ssp", line(d.system().name()))));
        List<Map<String, Object>> observations = new ArrayList<>();
        List<Map<String, Object>> risks = new ArrayList<>();
        List<Map<String, Object>> findings = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (RiskRegister.Entry e : entries) {
            TestItem t = e.item();
            String owner = uuid("party", e.task().responsibleOrgId()).toString();
            if (parties.stream().noneMatch(p -> owner.equals(p.get("uuid")))) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("uuid", owner);
                p.put("type", "organization");
                p.put("name", line(e.ownerName()));
                parties.add(p);
            }
            String observation = uuid("observation", t.id()).toString();
            String finding = uuid("finding", t.id()).toString();
            String risk = uuid("risk", e.task().id()).toString();
            String heading = t.requirementId() + " " + line(e.controlPoint());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("uuid", observation);
            o.put("title", heading);
            o.put("description", t.observations() == null ? Texts.get("oscal.noObservations") : t.observations());
            o.put("methods", List.of("EXAMINE"));
            o.put("collected", time(t.updatedAt()));
            observations.add(o);
            risks.add(risk(e, risk, observation, owner));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("uuid", finding);
            f.put("title", heading);
            f.put("description", e.description() == null ? heading : e.description());
            f.put(
                    "target",
                    Map.of(
                            "type",
                            "statement-id",
                            "target-id",
                            t.requirementId() + "_smt",
                            "status",
                            Map.of("state", "not-satisfied", "reason", "fail")));
            f.put("related-observations", List.of(Map.of("observation-uuid", observation)));
            f.put("related-risks", List.of(Map.of("risk-uuid", risk)));
            findings.add(f);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("uuid", uuid("poam-item", e.task().id()).toString());
            item.put("title", Texts.get("oscal.poam.item", heading));
            item.put("description", e.description() == null ? heading : e.description());
            List<Map<String, Object>> props = new ArrayList<>();
            prop(props, "test-item", t.requirementId());
            prop(props, "control-point", e.controlPoint());
            prop(props, "state", e.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            prop(props, "state-zh", Msg.of(e.state()).text(Texts.CHINESE));
            prop(props, "overdue", String.valueOf(e.overdue()));
            item.put("props", props);
            item.put("related-findings", List.of(Map.of("finding-uuid", finding)));
            item.put("related-observations", List.of(Map.of("observation-uuid", observation)));
            item.put("related-risks", List.of(Map.of("risk-uuid", risk)));
            items.add(item);
        }
        if (!observations.isEmpty()) {
            poam.put("observations", observations);
            poam.put("risks", risks);
            poam.put("findings", findings);
        }
        if (items.isEmpty()) {
            // OSCAL wants at least one item: say that the register has nothing to plan (yet)
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("uuid", uuid("poam-none", aid).toString());
            none.put("title", Texts.get("oscal.poam.none"));
            none.put(
                    "description",
                    Texts.get(
                            "oscal.poam.noneDescription",
                            ReportText.label(d.assessment().status())));
            items.add(none);
        }
        poam.put("poam-items", items);
        return Map.of("plan-of-action-and-milestones", poam);
    }

    private static Map<String, Object> risk(RiskRegister.Entry e, String id, String observation, String owner) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", id);
        r.put("title", e.item().requirementId() + " " + line(e.controlPoint()));
        r.put("description", e.description() == null ? line(e.controlPoint()) : e.description());
        r.put(
                "statement",
                e.item().riskReason() == null || e.item().riskReason().isBlank()
                        ? Texts.get(
                                "oscal.poam.statement",
                                e.risk() == null ? "—" : Msg.of(e.risk()).text())
                        : e.item().riskReason());
        List<Map<String, Object>> props = new ArrayList<>();
        prop(props, "risk-level", e.risk() == null ? null : e.risk().name().toLowerCase(Locale.ROOT));
        prop(props, "treatment", e.treatment().name().toLowerCase(Locale.ROOT));
        if (!props.isEmpty()) {
            r.put("props", props);
        }
        r.put("status", status(e.state()));
        LocalDate due = e.task().dueDate();
        if (due != null) {
            r.put("deadline", time(due.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("uuid", uuid("response", e.task().id()).toString());
        response.put(
                "lifecycle",
                closed(e.state()) ? "completed" : e.state() == RiskState.UNPLANNED ? "recommendation" : "planned");
        response.put("title", Msg.of(e.treatment()).text());
        response.put(
                "description",
                e.task().note() == null || e.task().note().isBlank()
                        ? Texts.get("oscal.poam.response", Msg.of(e.treatment()).text(), line(e.ownerName()))
                        : e.task().note());
        List<Map<String, Object>> type = new ArrayList<>();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "type");
        p.put("value", responseType(e.treatment()));
        type.add(p);
        response.put("props", type);
        List<Map<String, Object>> tasks = new ArrayList<>();
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("uuid", uuid("action", e.task().id()).toString());
        action.put("type", "action");
        action.put("title", Texts.get("oscal.poam.action", line(e.ownerName())));
        if (due != null) {
            action.put(
                    "timing",
                    Map.of(
                            "on-date",
                            Map.of("date", time(due.atStartOfDay(ZoneOffset.UTC).toInstant()))));
        }
        action.put("responsible-roles", List.of(Map.of("role-id", "remediation-owner", "party-uuids", List.of(owner))));
        tasks.add(action);
        for (RiskRegister.Milestone m : e.milestones()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("uuid", uuid("milestone", m.id()).toString());
            t.put("type", "milestone");
            t.put("title", line(m.description()));
            if (m.done()) {
                t.put(
                        "description",
                        Texts.get("oscal.poam.milestoneDone", m.doneOn().toString()));
            }
            t.put(
                    "timing",
                    Map.of(
                            "on-date",
                            Map.of(
                                    "date",
                                    time(m.targetDate()
                                            .atStartOfDay(ZoneOffset.UTC)
                                            .toInstant()))));
            tasks.add(t);
        }
        response.put("tasks", tasks);
        r.put("remediations", List.of(response));
        r.put("related-observations", List.of(Map.of("observation-uuid", observation)));
        return r;
    }

    /** OSCAL's risk status for the register's state. */
    static String status(RiskState s) {
        return switch (s) {
            case UNPLANNED, OPEN, ACCEPTANCE_EXPIRED -> "open";
            case IN_PROGRESS, DONE -> "remediating";
            case VERIFIED -> "closed";
            case ACCEPTANCE_PROPOSED -> "deviation-requested";
            case ACCEPTED -> "deviation-approved";
        };
    }

    private static boolean closed(RiskState s) {
        return s == RiskState.DONE || s == RiskState.VERIFIED;
    }

    private static String responseType(RiskTreatment t) {
        return switch (t) {
            case REMEDIATE -> "mitigate";
            case ACCEPT -> "accept";
            case TRANSFER -> "transfer";
        };
    }

    private static void prop(List<Map<String, Object>> props, String name, String value) {
        String v = value == null ? "" : line(value);
        if (!v.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            p.put("ns", OscalResults.NS);
            p.put("value", v);
            props.add(p);
        }
    }
}
