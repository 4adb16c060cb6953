package org.yunjian.catalog.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.catalog.internal.OscalModel.Catalog;
import org.yunjian.catalog.internal.OscalModel.Control;
import org.yunjian.catalog.internal.OscalModel.Group;
import org.yunjian.catalog.internal.OscalModel.Param;
import org.yunjian.catalog.internal.OscalModel.Part;
import org.yunjian.catalog.internal.OscalModel.Prop;

/**
 * OSCAL catalog XML: validation against the official XSD (liboscal-java's {@code schema/xml/}), reading into
 * {@link OscalModel} and a deterministic writer. DTDs and external entities are refused.
 */
final class OscalXml {

    static final String NS = "http://csrc.nist.gov/ns/oscal/1.0";
    static final String XSD = "schema/xml/oscal-catalog_schema.xsd";

    private static final java.util.Map<String, Schema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Schema problems reported per document at most; the first names the likeliest mistake, the rest follow from it. */
    static final int MAX_PROBLEMS = 50;

    private OscalXml() {}

    static Schema schema() {
        return schema(XSD);
    }

    /** One of the official OSCAL XSDs shipped in liboscal-java, e.g. {@code schema/xml/oscal-ssp_schema.xsd}. */
    static Schema schema(String resource) {
        return SCHEMAS.computeIfAbsent(resource, r -> {
            URL xsd = OscalXml.class.getClassLoader().getResource(r);
            if (xsd == null) {
                throw new IllegalStateException("classpath: " + r);
            }
            try {
                SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                return f.newSchema(xsd);
            } catch (SAXException e) {
                throw new IllegalStateException("cannot load " + r, e);
            }
        });
    }

    /** @throws CatalogFileException naming file, line, element path and the schema's complaint */
    static void validate(String file, byte[] content) {
        validate(file, content, Integer.MAX_VALUE);
    }

    /** As {@link #validate(String, byte[])}; elements nested deeper than {@code maxDepth} are refused as met. */
    static void validate(String file, byte[] content, int maxDepth) {
        List<OscalSchemas.Problem> problems = problems(XSD, content, maxDepth);
        if (!problems.isEmpty()) {
            OscalSchemas.Problem p = problems.get(0);
            throw new CatalogFileException(file, p.line(), p.path(), p.message());
        }
    }

    /**
     * Every violation of the XSD {@code xsd} in {@code content}, in document order (at most {@value #MAX_PROBLEMS}),
     * each with its element path and line; a malformed document, a DTD (refused: no entities, internal or
     * external) or one nested deeper than {@code maxDepth} ends the check with that problem last.
     */
    static List<OscalSchemas.Problem> problems(String xsd, byte[] content, int maxDepth) {
        PathTracker tracker = new PathTracker(maxDepth);
        List<OscalSchemas.Problem> out = new ArrayList<>();
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            XMLReader reader = f.newSAXParser().getXMLReader();
            ValidatorHandler validator = schema(xsd).newValidatorHandler();
            ErrorHandler errors = new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    out.add(new OscalSchemas.Problem(
                            tracker.path(),
                            Math.max(e.getLineNumber(), 0),
                            org.yunjian.shared.Msg.of("catalog.error.xmlSchema", String.valueOf(e.getMessage()))));
                    if (out.size() >= MAX_PROBLEMS) {
                        throw new Enough(e);
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            };
            validator.setErrorHandler(errors);
            tracker.setParent(reader);
            tracker.setContentHandler(validator);
            tracker.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    tracker.malformed = true;
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    tracker.malformed = true;
                    throw e;
                }
            });
            tracker.parse(new InputSource(new ByteArrayInputStream(content)));
        } catch (Enough e) {
            return out;
        } catch (SAXParseException e) {
            if (e instanceof TooDeep deep) {
                out.add(new OscalSchemas.Problem(tracker.path(), e.getLineNumber(), deep.problem));
            } else {
                String message = e.getMessage() == null ? "" : e.getMessage();
                out.add(new OscalSchemas.Problem(
                        tracker.path(),
                        Math.max(e.getLineNumber(), 0),
                        org.yunjian.shared.Msg.of(
                                tracker.malformed ? "catalog.error.malformedXml" : "catalog.error.xmlSchema",
                                message)));
            }
        } catch (SAXException | ParserConfigurationException e) {
            out.add(new OscalSchemas.Problem(
                    "/", 0, org.yunjian.shared.Msg.of("catalog.error.malformedXml", String.valueOf(e.getMessage()))));
        } catch (IOException e) {
            out.add(new OscalSchemas.Problem(
                    "/", 0, org.yunjian.shared.Msg.of("catalog.error.unreadable", String.valueOf(e.getMessage()))));
        }
        return out;
    }

    /** Stops the check once {@value #MAX_PROBLEMS} problems are reported. */
    private static final class Enough extends SAXParseException {
        Enough(SAXParseException last) {
            super(last.getMessage(), null);
        }
    }

    /** The document nests deeper than the limit; carries the problem as a message for people. */
    private static final class TooDeep extends SAXParseException {
        private final transient org.yunjian.shared.Msg problem;

        TooDeep(org.yunjian.shared.Msg problem, org.xml.sax.Locator locator) {
            super(problem.key(), locator);
            this.problem = problem;
        }
    }

    /** Keeps the element path (/catalog/group[2]/control[1]) for error messages. */
    private static final class PathTracker extends XMLFilterImpl {
        private final Deque<String> names = new ArrayDeque<>();
        private final Deque<java.util.Map<String, Integer>> counts = new ArrayDeque<>();
        private final int maxDepth;
        private org.xml.sax.Locator locator;
        boolean started;
        boolean malformed;

        PathTracker(int maxDepth) {
            this.maxDepth = maxDepth;
            counts.push(new java.util.HashMap<>());
        }

        @Override
        public void setDocumentLocator(org.xml.sax.Locator locator) {
            this.locator = locator;
            super.setDocumentLocator(locator);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (names.size() >= maxDepth) {
                throw new TooDeep(CatalogExchangeService.tooDeep(maxDepth), locator);
            }
            started = true;
            int n = counts.peek().merge(localName, 1, Integer::sum);
            String id = atts.getValue("id");
            names.addLast(localName + "[" + n + "]" + (id == null ? "" : "(@id=" + id + ")"));
            counts.push(new java.util.HashMap<>());
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            names.removeLast();
            counts.pop();
        }

        String path() {
            return names.isEmpty() ? "/" : "/" + String.join("/", names);
        }
    }

    // ---- reading (after validation) ----

    static Catalog read(byte[] content) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            Document doc = b.parse(new ByteArrayInputStream(content));
            Element c = doc.getDocumentElement();
            Element m = child(c, "metadata");
            return new Catalog(
                    c.getAttribute("uuid"),
                    inline(child(m, "title")),
                    text(child(m, "published")),
                    text(child(m, "last-modified")),
                    text(child(m, "version")),
                    text(child(m, "oscal-version")),
                    props(m),
                    params(c),
                    children(c, "control").stream().map(OscalXml::control).toList(),
                    children(c, "group").stream().map(OscalXml::group).toList());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("OSCAL XML", e);
        }
    }

    private static Group group(Element g) {
        return new Group(
                g.getAttribute("id"),
                attr(g, "class"),
                inline(child(g, "title")),
                params(g),
                props(g),
                children(g, "part").stream().map(OscalXml::part).toList(),
                children(g, "group").stream().map(OscalXml::group).toList(),
                children(g, "control").stream().map(OscalXml::control).toList());
    }

    private static Control control(Element c) {
        return new Control(
                c.getAttribute("id"),
                attr(c, "class"),
                inline(child(c, "title")),
                params(c),
                props(c),
                children(c, "part").stream().map(OscalXml::part).toList(),
                children(c, "control").stream().map(OscalXml::control).toList());
    }

    /** Parameters; label and choices with their layout whitespace folded (XML indentation is not text). */
    private static List<Param> params(Element e) {
        return children(e, "param").stream()
                .map(p -> {
                    Element select = child(p, "select");
                    return new Param(
                            p.getAttribute("id"),
                            fold(inline(child(p, "label"))),
                            children(p, "guideline").stream()
                                    .map(g -> fold(String.join(
                                            " ",
                                            children(g, "p").stream()
                                                    .map(OscalXml::inline)
                                                    .toList())))
                                    .toList(),
                            children(p, "value").stream()
                                    .map(v -> fold(text(v)))
                                    .toList(),
                            select == null ? null : attr(select, "how-many"),
                            select == null
                                    ? null
                                    : children(select, "choice").stream()
                                            .map(x -> fold(inline(x)))
                                            .toList());
                })
                .toList();
    }

    private static String fold(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static Part part(Element p) {
        List<String> blocks = new ArrayList<>();
        for (Node n = p.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI())) {
                switch (e.getLocalName()) {
                    case "title", "prop", "part", "link" -> {}
                    case "ul", "ol" ->
                        blocks.add(String.join(
                                "\n",
                                children(e, "li").stream().map(OscalXml::inline).toList()));
                    default -> blocks.add(inline(e));
                }
            }
        }
        return new Part(
                attr(p, "id"),
                p.getAttribute("name"),
                attr(p, "ns"),
                inline(child(p, "title")),
                props(p),
                blocks.isEmpty() ? null : String.join("\n\n", blocks),
                children(p, "part").stream().map(OscalXml::part).toList());
    }

    private static List<Prop> props(Element e) {
        return children(e, "prop").stream()
                .map(p -> new Prop(p.getAttribute("name"), attr(p, "ns"), p.getAttribute("value"), attr(p, "class")))
                .toList();
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }

    /** Text of inline markup; a parameter insertion reads as in OSCAL JSON: {{ insert: param, id }}. */
    private static String inline(Element e) {
        if (e == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            } else if (n instanceof Element x) {
                if ("insert".equals(x.getLocalName())) {
                    sb.append("{{ insert: ")
                            .append(x.getAttribute("type"))
                            .append(", ")
                            .append(x.getAttribute("id-ref"))
                            .append(" }}");
                } else {
                    sb.append(inline(x));
                }
            }
        }
        return sb.toString();
    }

    // ---- writing ----

    static String write(Catalog c) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            Writer x = new Writer(w);
            w.writeStartDocument("UTF-8", "1.0");
            x.nl(0);
            w.writeStartElement("catalog");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("uuid", c.uuid());
            x.start(1, "metadata");
            x.leaf(2, "title", c.title());
            x.leaf(2, "published", c.published());
            x.leaf(2, "last-modified", c.lastModified());
            x.leaf(2, "version", c.version());
            x.leaf(2, "oscal-version", c.oscalVersion());
            x.props(2, c.props());
            x.end(1);
            c.params().forEach(p -> x.param(1, p));
            c.controls().forEach(k -> x.control(1, k));
            c.groups().forEach(g -> x.group(1, g));
            x.end(0);
            w.writeEndDocument();
            w.close();
            return out + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Writer(XMLStreamWriter w) {

        void nl(int depth) throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }

        void start(int depth, String name) {
            try {
                nl(depth);
                w.writeStartElement(name);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        void end(int depth) {
            try {
                nl(depth);
                w.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        void attr(String name, String value) {
            if (value != null) {
                try {
                    w.writeAttribute(name, value);
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        void leaf(int depth, String name, String text) {
            if (text == null) {
                return;
            }
            try {
                nl(depth);
                w.writeStartElement(name);
                w.writeCharacters(text);
                w.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        void props(int depth, List<Prop> props) {
            for (Prop p : props) {
                try {
                    nl(depth);
                    w.writeEmptyElement("prop");
                    attr("name", p.name());
                    attr("ns", p.ns());
                    attr("value", p.value());
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        void part(int depth, Part p) {
            start(depth, "part");
            attr("id", p.id());
            attr("name", p.name());
            attr("ns", p.ns());
            leaf(depth + 1, "title", p.title());
            props(depth + 1, p.props());
            if (p.prose() != null) {
                for (String para : p.prose().split("\n\n", -1)) {
                    leaf(depth + 1, "p", para);
                }
            }
            p.parts().forEach(x -> part(depth + 1, x));
            end(depth);
        }

        void param(int depth, Param p) {
            start(depth, "param");
            attr("id", p.id());
            leaf(depth + 1, "label", p.label());
            for (String g : p.guidelines()) {
                start(depth + 1, "guideline");
                leaf(depth + 2, "p", g);
                end(depth + 1);
            }
            p.values().forEach(v -> leaf(depth + 1, "value", v));
            if (p.isSelection()) {
                start(depth + 1, "select");
                attr("how-many", p.howMany());
                p.choices().forEach(c -> leaf(depth + 2, "choice", c));
                end(depth + 1);
            }
            end(depth);
        }

        void group(int depth, Group g) {
            start(depth, "group");
            attr("id", g.id());
            attr("class", g.clazz());
            leaf(depth + 1, "title", g.title());
            g.params().forEach(x -> param(depth + 1, x));
            props(depth + 1, g.props());
            g.parts().forEach(x -> part(depth + 1, x));
            g.groups().forEach(x -> group(depth + 1, x));
            g.controls().forEach(x -> control(depth + 1, x));
            end(depth);
        }

        void control(int depth, Control c) {
            start(depth, "control");
            attr("id", c.id());
            attr("class", c.clazz());
            leaf(depth + 1, "title", c.title());
            c.params().forEach(x -> param(depth + 1, x));
            props(depth + 1, c.props());
            c.parts().forEach(x -> part(depth + 1, x));
            c.controls().forEach(x -> control(depth + 1, x));
            end(depth);
        }
    }
}
