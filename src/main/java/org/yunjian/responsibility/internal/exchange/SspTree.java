package org.yunjian.responsibility.internal.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of OSCAL's two serialisations the SSP exchange uses, as one tree: an {@link Node} is an OSCAL assembly
 * or field with its flags (XML attributes), its value (a field's text; for markup-multiline the prose, paragraphs
 * separated by a blank line) and its children in schema order. JSON names repeated children by their group name
 * ({@code props}, {@code by-components}), XML repeats the element ({@code prop}, {@code by-component}). Read trees
 * remember where each node was, as a JSON path ({@code $['system-security-plan'].metadata.parties[0]}) or an element
 * path ({@code /system-security-plan/metadata/party[1]}), so a problem can name it. Read only after the document
 * passed the official schema.
 */
final class SspTree {

    static final String OSCAL_NS = "http://csrc.nist.gov/ns/oscal/1.0";

    /** Element name → JSON group name, for the children that repeat. */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("prop", "props"),
            Map.entry("link", "links"),
            Map.entry("role", "roles"),
            Map.entry("party", "parties"),
            Map.entry("responsible-party", "responsible-parties"),
            Map.entry("party-uuid", "party-uuids"),
            Map.entry("system-id", "system-ids"),
            Map.entry("information-type", "information-types"),
            Map.entry("user", "users"),
            Map.entry("role-id", "role-ids"),
            Map.entry("component", "components"),
            Map.entry("responsible-role", "responsible-roles"),
            Map.entry("leveraged-authorization", "leveraged-authorizations"),
            Map.entry("implemented-requirement", "implemented-requirements"),
            Map.entry("by-component", "by-components"),
            Map.entry("provided", "provided"),
            Map.entry("responsibility", "responsibilities"),
            Map.entry("inherited", "inherited"),
            Map.entry("satisfied", "satisfied"),
            Map.entry("resource", "resources"),
            Map.entry("rlink", "rlinks"),
            Map.entry("statement", "statements"),
            Map.entry("set-parameter", "set-parameters"),
            Map.entry("categorization", "categorizations"),
            Map.entry("information-type-id", "information-type-ids"),
            Map.entry("member-of-organization", "member-of-organizations"),
            Map.entry("revision", "revisions"),
            Map.entry("document-id", "document-ids"),
            Map.entry("location", "locations"),
            Map.entry("inventory-item", "inventory-items"),
            Map.entry("protocol", "protocols"),
            Map.entry("action", "actions"),
            Map.entry("email-address", "email-addresses"));

    private static final Map<String, String> SINGULAR = new HashMap<>();

    static {
        GROUPS.forEach((element, group) -> SINGULAR.put(group, element));
    }

    /** Flags (XML attributes) of the objects read or written here; other JSON strings are fields. */
    private static final Map<String, Set<String>> FLAGS = Map.ofEntries(
            Map.entry("system-security-plan", Set.of("uuid")),
            Map.entry("prop", Set.of("name", "uuid", "ns", "value", "class", "group")),
            Map.entry("link", Set.of("href", "rel", "media-type", "resource-fragment")),
            Map.entry("rlink", Set.of("href", "media-type")),
            Map.entry("role", Set.of("id")),
            Map.entry("party", Set.of("uuid", "type")),
            Map.entry("responsible-party", Set.of("role-id")),
            Map.entry("responsible-role", Set.of("role-id")),
            Map.entry("system-id", Set.of("identifier-type")),
            Map.entry("import-profile", Set.of("href")),
            Map.entry("information-type", Set.of("uuid")),
            Map.entry("categorization", Set.of("system")),
            Map.entry("user", Set.of("uuid")),
            Map.entry("component", Set.of("uuid", "type")),
            Map.entry("status", Set.of("state")),
            Map.entry("leveraged-authorization", Set.of("uuid")),
            Map.entry("implemented-requirement", Set.of("uuid", "control-id")),
            Map.entry("by-component", Set.of("component-uuid", "uuid")),
            Map.entry("provided", Set.of("uuid")),
            Map.entry("responsibility", Set.of("uuid", "provided-uuid")),
            Map.entry("inherited", Set.of("uuid", "provided-uuid")),
            Map.entry("satisfied", Set.of("uuid", "responsibility-uuid")),
            Map.entry("resource", Set.of("uuid")),
            Map.entry("statement", Set.of("statement-id", "uuid")),
            Map.entry("implementation-status", Set.of("state")));
    /** Fields whose value sits under a key of its own in JSON because the field has flags. */
    private static final Map<String, String> VALUE_KEYS = Map.of("system-id", "id");

    private static final Set<String> MULTILINE = Set.of("description", "remarks");

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SspTree() {}

    /** An OSCAL object. */
    static final class Node {
        final String name;
        final Map<String, String> flags = new LinkedHashMap<>();
        final List<Node> children = new ArrayList<>();
        String value;
        /** Where it was read ({@code null} for a built node), and whether that was XML. */
        String path;

        boolean xml;

        Node(String name) {
            this.name = name;
        }

        static Node of(String name) {
            return new Node(name);
        }

        Node flag(String flag, Object value) {
            if (value != null) {
                flags.put(flag, value.toString());
            }
            return this;
        }

        /** Adds {@code child} and returns this. */
        Node add(Node child) {
            children.add(child);
            return this;
        }

        /** Adds a field with a value (nothing for null) and returns this. */
        Node field(String field, Object text) {
            if (text != null) {
                Node f = new Node(field);
                f.value = text.toString();
                children.add(f);
            }
            return this;
        }

        /** Adds a new child object and returns it. */
        Node child(String child) {
            Node c = new Node(child);
            children.add(c);
            return c;
        }

        List<Node> all(String child) {
            return children.stream().filter(c -> c.name.equals(child)).toList();
        }

        Optional<Node> first(String child) {
            return children.stream().filter(c -> c.name.equals(child)).findFirst();
        }

        String text(String child) {
            return first(child).map(c -> c.value).orElse(null);
        }

        /** Where a flag of this node was read: {@code ….control-id} or {@code …/@control-id}. */
        String flagPath(String flag) {
            return path == null ? flag : xml ? path + "/@" + flag : path + member(flag);
        }
    }

    // ---- writing

    static String json(Node root) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(root.name, object(root));
        return JSON.writeValueAsString(doc) + "\n";
    }

    private static Object object(Node n) {
        if (n.flags.isEmpty() && n.children.isEmpty()) {
            return n.value == null ? Map.of() : n.value;
        }
        Map<String, Object> out = new LinkedHashMap<>(n.flags);
        if (n.value != null) {
            out.put(VALUE_KEYS.getOrDefault(n.name, "value"), n.value);
        }
        for (Node c : n.children) {
            String group = GROUPS.get(c.name);
            if (group == null || n.name.equals("leveraged-authorization") && c.name.equals("party-uuid")) {
                out.put(c.name, object(c));
            } else {
                @SuppressWarnings("unchecked")
                List<Object> items = (List<Object>) out.computeIfAbsent(group, k -> new ArrayList<>());
                items.add(object(c));
            }
        }
        return out;
    }

    static String xml(Node root) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement(root.name);
            w.writeDefaultNamespace(OSCAL_NS);
            content(w, root, 0);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void element(XMLStreamWriter w, Node n, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
        if (n.children.isEmpty() && n.value == null) {
            w.writeEmptyElement(n.name);
            for (Map.Entry<String, String> f : n.flags.entrySet()) {
                w.writeAttribute(f.getKey(), f.getValue());
            }
            return;
        }
        w.writeStartElement(n.name);
        content(w, n, depth);
        w.writeEndElement();
    }

    private static void content(XMLStreamWriter w, Node n, int depth) throws XMLStreamException {
        for (Map.Entry<String, String> f : n.flags.entrySet()) {
            w.writeAttribute(f.getKey(), f.getValue());
        }
        if (n.value != null && MULTILINE.contains(n.name)) {
            for (String para : n.value.split("\n\n")) {
                w.writeCharacters("\n" + "  ".repeat(depth + 1));
                w.writeStartElement("p");
                w.writeCharacters(para);
                w.writeEndElement();
            }
            w.writeCharacters("\n" + "  ".repeat(depth));
        } else if (n.value != null) {
            w.writeCharacters(n.value);
        } else {
            for (Node c : n.children) {
                element(w, c, depth + 1);
            }
            w.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    // ---- reading (after schema validation)

    /** The root object of a JSON document, e.g. {@code system-security-plan}. */
    static Node readJson(byte[] content, String root) {
        JsonNode doc = JSON.readTree(content);
        return fromJson(root, doc.get(root), "$" + member(root));
    }

    private static Node fromJson(String name, JsonNode json, String path) {
        Node n = new Node(name);
        n.path = path;
        if (json.isValueNode()) {
            n.value = json.asString();
            return n;
        }
        Set<String> flags = FLAGS.getOrDefault(name, Set.of());
        String valueKey = VALUE_KEYS.get(name);
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (flags.contains(key) && v.isValueNode()) {
                n.flags.put(key, v.asString());
            } else if (key.equals(valueKey)) {
                n.value = v.asString();
            } else if (v.isArray()) {
                String element = SINGULAR.getOrDefault(key, key);
                for (int i = 0; i < v.size(); i++) {
                    n.children.add(fromJson(element, v.get(i), path + member(key) + "[" + i + "]"));
                }
            } else {
                n.children.add(fromJson(key, v, path + member(key)));
            }
        }
        return n;
    }

    /**
     * A member in JSONPath as the schema check writes it: {@code .title}, or {@code ['system-security-plan']} for a
     * name that is no plain identifier.
     */
    static String member(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + key : "['" + key + "']";
    }

    /** The root element of an XML document; DTDs are refused, so no entity is ever expanded. */
    static Node readXml(byte[] content) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            Element root = f.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(content))
                    .getDocumentElement();
            return fromXml(root, "/" + root.getLocalName());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("OSCAL XML after validation", e);
        }
    }

    private static Node fromXml(Element e, String path) {
        Node n = new Node(e.getLocalName());
        n.path = path;
        n.xml = true;
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                n.flags.put(a.getLocalName() == null ? a.getName() : a.getLocalName(), a.getValue());
            }
        }
        List<Element> elements = new ArrayList<>();
        for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element x && OSCAL_NS.equals(x.getNamespaceURI())) {
                elements.add(x);
            }
        }
        if (MULTILINE.contains(n.name)) {
            n.value = String.join(
                    "\n\n",
                    elements.stream().map(x -> x.getTextContent().strip()).toList());
            return n;
        }
        if (elements.isEmpty()) {
            String text = e.getTextContent();
            n.value = text == null || text.isBlank() ? null : text;
            return n;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Element x : elements) {
            int i = counts.merge(x.getLocalName(), 1, Integer::sum);
            n.children.add(fromXml(x, path + "/" + x.getLocalName() + "[" + i + "]"));
        }
        return n;
    }
}
