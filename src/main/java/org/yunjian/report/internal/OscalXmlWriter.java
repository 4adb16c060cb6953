package org.yunjian.report.internal;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An OSCAL document built as JSON (maps in the schema's order, as {@link OscalResults} builds them) written in OSCAL's
 * XML serialisation: a JSON group ({@code props}, {@code poam-items}) repeats its element ({@code prop},
 * {@code poam-item}), flags become attributes, markup-multiline fields ({@code description}, {@code remarks},
 * {@code statement}) one paragraph each, and a field with flags ({@code system-id}) carries its value as text. Only
 * the part of OSCAL the assessment plan and the POA&amp;M use.
 */
final class OscalXmlWriter {

    static final String NS = "http://csrc.nist.gov/ns/oscal/1.0";

    /** JSON group name → XML element name, for the children that repeat. */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("props", "prop"),
            Map.entry("links", "link"),
            Map.entry("roles", "role"),
            Map.entry("parties", "party"),
            Map.entry("responsible-parties", "responsible-party"),
            Map.entry("responsible-roles", "responsible-role"),
            Map.entry("party-uuids", "party-uuid"),
            Map.entry("member-of-organizations", "member-of-organization"),
            Map.entry("control-selections", "control-selection"),
            Map.entry("include-controls", "include-control"),
            Map.entry("assessment-subjects", "assessment-subject"),
            Map.entry("include-subjects", "include-subject"),
            Map.entry("components", "component"),
            Map.entry("tasks", "task"),
            Map.entry("subjects", "subject"),
            Map.entry("resources", "resource"),
            Map.entry("rlinks", "rlink"),
            Map.entry("observations", "observation"),
            Map.entry("methods", "method"),
            Map.entry("risks", "risk"),
            Map.entry("findings", "finding"),
            Map.entry("poam-items", "poam-item"),
            Map.entry("related-observations", "related-observation"),
            Map.entry("related-findings", "related-finding"),
            Map.entry("related-risks", "associated-risk"),
            Map.entry("remediations", "response"),
            Map.entry("characterizations", "characterization"),
            Map.entry("facets", "facet"),
            Map.entry("origins", "origin"),
            Map.entry("actors", "actor"),
            Map.entry("entries", "entry"),
            Map.entry("related-responses", "related-response"),
            Map.entry("document-ids", "document-id"),
            Map.entry("system-ids", "system-id"),
            Map.entry("information-types", "information-type"),
            Map.entry("users", "user"),
            Map.entry("role-ids", "role-id"),
            Map.entry("implemented-requirements", "implemented-requirement"),
            Map.entry("by-components", "by-component"));

    /** Flags (attributes) wherever they occur. */
    private static final Set<String> FLAGS = Set.of(
            "uuid",
            "id",
            "href",
            "ns",
            "class",
            "media-type",
            "rel",
            "role-id",
            "control-id",
            "subject-uuid",
            "observation-uuid",
            "finding-uuid",
            "risk-uuid",
            "response-uuid",
            "task-uuid",
            "actor-uuid",
            "type",
            "state",
            "reason",
            "system",
            "lifecycle",
            "target-id",
            "identifier-type",
            "scheme",
            "component-uuid",
            "start",
            "end",
            "date");

    /** Elements whose {@code name} and {@code value} are flags too. */
    private static final Set<String> NAMED = Set.of("prop", "facet");

    /** Fields with flags: the JSON key that carries the field's own value. */
    private static final Map<String, String> FIELD_VALUE = Map.of("system-id", "id", "document-id", "identifier");

    private static final Set<String> MULTILINE = Set.of("description", "remarks", "statement");

    private OscalXmlWriter() {}

    /** A back-matter resource (title, one link), its keys in the schema's order. */
    static Map<String, Object> resource(String uuid, String title, String href) {
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("uuid", uuid);
        r.put("title", title);
        r.put("rlinks", List.of(Map.of("href", href)));
        return r;
    }

    /** The document ({@code {"assessment-plan": {...}}}) as XML. */
    static String xml(Map<String, Object> document) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            Map.Entry<String, Object> root = document.entrySet().iterator().next();
            w.writeCharacters("\n");
            w.writeStartElement(root.getKey());
            w.writeDefaultNamespace(NS);
            if (body(w, root.getKey(), asMap(root.getValue()), 0)) {
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString() + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one element on a line of its own, {@code depth} levels in (two spaces each). */
    private static void element(XMLStreamWriter w, String name, Object value, int depth) throws XMLStreamException {
        indent(w, depth);
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> m) {
            if (body(w, name, asMap(m), depth)) {
                indent(w, depth);
            }
        } else if (MULTILINE.contains(name)) {
            for (String paragraph : String.valueOf(value).split("\\n\\s*\\n")) {
                if (!paragraph.isBlank()) {
                    indent(w, depth + 1);
                    w.writeStartElement("p");
                    w.writeCharacters(paragraph.strip());
                    w.writeEndElement();
                }
            }
            indent(w, depth);
        } else {
            w.writeCharacters(String.valueOf(value));
        }
        w.writeEndElement();
    }

    /** The flags and children of an element; true when it wrote child elements (not only flags or a value). */
    private static boolean body(XMLStreamWriter w, String name, Map<String, Object> m, int depth)
            throws XMLStreamException {
        String valueKey = FIELD_VALUE.get(name);
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!e.getKey().equals(valueKey) && isFlag(name, e.getKey(), e.getValue())) {
                w.writeAttribute(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        if (valueKey != null) {
            w.writeCharacters(String.valueOf(m.get(valueKey)));
            return false;
        }
        boolean children = false;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (isFlag(name, e.getKey(), e.getValue())) {
                continue;
            }
            if (e.getValue() instanceof List<?> list) {
                String child = GROUPS.getOrDefault(e.getKey(), e.getKey());
                for (Object o : list) {
                    element(w, child, o, depth + 1);
                    children = true;
                }
            } else {
                element(w, e.getKey(), e.getValue(), depth + 1);
                children = true;
            }
        }
        return children;
    }

    private static void indent(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static boolean isFlag(String element, String key, Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return false;
        }
        return FLAGS.contains(key) || (NAMED.contains(element) && (key.equals("name") || key.equals("value")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
