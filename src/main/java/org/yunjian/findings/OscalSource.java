package org.yunjian.findings;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yunjian.shared.FieldErrors.ValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what an import keeps from an OSCAL assessment-results or POA&amp;M document that already passed its schema
 * (JSON or XML): the findings with their target control, observations no finding refers to, and the POA&amp;M items
 * with their risks' status, deadline and remediation. XML is read with DTDs and external entities refused.
 */
final class OscalSource {

    /**
     * One entry of the source.
     *
     * @param kind         FINDING, OBSERVATION or POAM_ITEM
     * @param controlId    the control it targets as written ({@code ac-6.1}), null when the source names none
     * @param status       the source's state: a finding's target status, a POA&amp;M item's risk status
     * @param deadline     a POA&amp;M item's risk deadline (date in the source's offset), else null
     * @param detail       the related risks and remediations, as text
     * @param observations the uuids of the observations it relates to
     * @param findings     the uuids of the findings it relates to (POA&amp;M items)
     */
    record Entry(
            EntryKind kind,
            String uuid,
            String title,
            String description,
            String controlId,
            String status,
            LocalDate deadline,
            String detail,
            List<String> observations,
            List<String> findings) {}

    record Document(ImportKind kind, String title, String oscalVersion, List<Entry> entries) {}

    private OscalSource() {}

    /** The node view both formats are read through: JSON names its groups in the plural, XML its elements singly. */
    private interface N {
        String text(String name);

        List<N> all(String jsonGroup, String xmlElement);

        N one(String name);
    }

    static Document read(ImportKind kind, byte[] content, boolean xml) {
        N root = xml ? xmlRoot(content) : jsonRoot(content, kind);
        N metadata = root.one("metadata");
        String title = metadata == null ? null : metadata.text("title");
        String version = metadata == null ? null : metadata.text("oscal-version");
        List<Entry> entries = new ArrayList<>();
        if (kind == ImportKind.RESULTS) {
            for (N result : root.all("results", "result")) {
                results(result, entries);
            }
        } else {
            poam(root, entries);
        }
        return new Document(kind, title, version, entries);
    }

    private static void results(N result, List<Entry> out) {
        List<String> referred = new ArrayList<>();
        Map<String, N> risks = byUuid(result.all("risks", "risk"));
        for (N f : result.all("findings", "finding")) {
            N target = f.one("target");
            String control = target == null ? null : control(target.text("target-id"));
            N status = target == null ? null : target.one("status");
            List<String> obs = refs(f.all("related-observations", "related-observation"), "observation-uuid");
            referred.addAll(obs);
            List<String> riskIds = refs(f.all("related-risks", "associated-risk"), "risk-uuid");
            out.add(new Entry(
                    EntryKind.FINDING,
                    f.text("uuid"),
                    f.text("title"),
                    f.text("description"),
                    control,
                    status == null ? null : status.text("state"),
                    null,
                    riskText(riskIds, risks),
                    obs,
                    List.of()));
        }
        for (N o : result.all("observations", "observation")) {
            if (!referred.contains(o.text("uuid"))) {
                out.add(observation(o));
            }
        }
    }

    private static Entry observation(N o) {
        String remarks = o.text("remarks");
        return new Entry(
                EntryKind.OBSERVATION,
                o.text("uuid"),
                o.text("title"),
                o.text("description"),
                null,
                null,
                null,
                remarks,
                List.of(o.text("uuid")),
                List.of());
    }

    private static void poam(N root, List<Entry> out) {
        Map<String, N> risks = byUuid(root.all("risks", "risk"));
        Map<String, String> findingControls = new LinkedHashMap<>();
        for (N f : root.all("findings", "finding")) {
            N target = f.one("target");
            if (target != null) {
                findingControls.put(f.text("uuid"), control(target.text("target-id")));
            }
        }
        for (N item : root.all("poam-items", "poam-item")) {
            List<String> observations =
                    refs(item.all("related-observations", "related-observation"), "observation-uuid");
            List<String> riskIds =
                    riskIds(refs(item.all("related-risks", "associated-risk"), "risk-uuid"), risks, observations);
            List<String> findings = refs(item.all("related-findings", "related-finding"), "finding-uuid");
            String control = findings.stream()
                    .map(findingControls::get)
                    .filter(c -> c != null)
                    .findFirst()
                    .orElse(null);
            String status = null;
            LocalDate deadline = null;
            for (String id : riskIds) {
                N r = risks.get(id);
                if (r == null) {
                    continue;
                }
                status = status == null ? r.text("status") : status;
                deadline = deadline == null ? date(r.text("deadline")) : deadline;
            }
            out.add(new Entry(
                    EntryKind.POAM_ITEM,
                    item.text("uuid"),
                    item.text("title"),
                    item.text("description"),
                    control,
                    status,
                    deadline,
                    riskText(riskIds, risks),
                    observations,
                    findings));
        }
    }

    /**
     * The risks a POA&amp;M item names, by their uuid; a uuid of something inside a risk (a mitigating factor, a
     * response) stands for that risk, and an item naming none that is found takes the risks that relate to its
     * observations (NIST's own example names a mitigating factor's uuid as its related risk).
     */
    private static List<String> riskIds(List<String> named, Map<String, N> risks, List<String> observations) {
        List<String> out = new ArrayList<>();
        for (String id : named) {
            if (risks.containsKey(id)) {
                out.add(id);
                continue;
            }
            risks.forEach((uuid, r) -> {
                boolean inside = java.util.stream.Stream.concat(
                                r.all("mitigating-factors", "mitigating-factor").stream(),
                                r.all("remediations", "response").stream())
                        .anyMatch(n -> id.equals(n.text("uuid")));
                if (inside && !out.contains(uuid)) {
                    out.add(uuid);
                }
            });
        }
        if (out.isEmpty()) {
            risks.forEach((uuid, r) -> {
                if (refs(r.all("related-observations", "related-observation"), "observation-uuid").stream()
                        .anyMatch(observations::contains)) {
                    out.add(uuid);
                }
            });
        }
        return out;
    }

    /** A target id's control: {@code ac-6.1_obj} and {@code ac-6.1_smt.a} are {@code ac-6.1}. */
    static String control(String targetId) {
        if (targetId == null || targetId.isBlank()) {
            return null;
        }
        int cut = targetId.indexOf('_');
        return (cut > 0 ? targetId.substring(0, cut) : targetId).strip();
    }

    private static LocalDate date(String dateTime) {
        if (dateTime == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(dateTime.strip()).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, N> byUuid(List<N> nodes) {
        Map<String, N> out = new LinkedHashMap<>();
        nodes.forEach(n -> out.put(n.text("uuid"), n));
        return out;
    }

    private static List<String> refs(List<N> nodes, String attribute) {
        return nodes.stream()
                .map(n -> n.text(attribute))
                .filter(s -> s != null && !s.isBlank())
                .toList();
    }

    /** The related risks as text: title, statement, status and each remediation's title and description. */
    private static String riskText(List<String> ids, Map<String, N> risks) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            N r = risks.get(id);
            if (r == null) {
                continue;
            }
            line(b, r.text("title"));
            line(b, r.text("statement"));
            for (N m : r.all("remediations", "response")) {
                line(b, m.text("title"));
                line(b, m.text("description"));
            }
        }
        return b.isEmpty() ? null : b.toString().strip();
    }

    private static void line(StringBuilder b, String s) {
        if (s != null && !s.isBlank()) {
            b.append(s.strip()).append("\n\n");
        }
    }

    // --- JSON

    private static N jsonRoot(byte[] content, ImportKind kind) {
        JsonNode doc = JsonMapper.builder().build().readTree(content);
        String name = kind == ImportKind.RESULTS ? "assessment-results" : "plan-of-action-and-milestones";
        return new J(doc.path(name));
    }

    private record J(JsonNode n) implements N {
        @Override
        public String text(String name) {
            JsonNode v = n.get(name);
            return v == null || !v.isValueNode() ? null : v.asString();
        }

        @Override
        public List<N> all(String jsonGroup, String xmlElement) {
            List<N> out = new ArrayList<>();
            JsonNode a = n.get(jsonGroup);
            if (a != null && a.isArray()) {
                a.forEach(e -> out.add(new J(e)));
            }
            return out;
        }

        @Override
        public N one(String name) {
            JsonNode v = n.get(name);
            return v == null || !v.isObject() ? null : new J(v);
        }
    }

    // --- XML

    private static N xmlRoot(byte[] content) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return new X(f.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(content))
                    .getDocumentElement());
        } catch (Exception e) {
            throw new ValidationException("file", "findings.error.malformed", String.valueOf(e.getMessage()));
        }
    }

    private record X(Element e) implements N {
        @Override
        public String text(String name) {
            if (e.hasAttribute(name)) {
                return e.getAttribute(name);
            }
            Element c = child(name);
            if (c != null) {
                return c.getTextContent().strip();
            }
            return null;
        }

        @Override
        public List<N> all(String jsonGroup, String xmlElement) {
            List<N> out = new ArrayList<>();
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element el && xmlElement.equals(el.getLocalName())) {
                    out.add(new X(el));
                }
            }
            return out;
        }

        @Override
        public N one(String name) {
            Element c = child(name);
            return c == null ? null : new X(c);
        }

        private Element child(String name) {
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element el && name.equals(el.getLocalName())) {
                    return el;
                }
            }
            return null;
        }
    }
}
