package org.yunjian.catalog.internal;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ControlMap;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.UnmappedItem;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.Uuids;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The crosswalk as an OSCAL 1.2 mapping collection ({@code mapping-collection}, NIST's mapping model, which exists only
 * from OSCAL 1.2.0): metadata, provenance (method, matching rationale, status, confidence score, description), one
 * {@code mapping} per target catalog (the NIST catalog as source resource, the platform's export of the standard at
 * {@code /api/catalog/standards/{code}/oscal} as target resource), one {@code map} per control–item pair (relationship,
 * source and target by id, the gap as a qualifier, confidence score, rationale and gap in remarks), and the unmapped
 * items as the mapping's {@code target-gap-summary}. Deterministic: name-based UUIDs, the crosswalk's date.
 */
final class OscalMappingCollection {

    static final String OSCAL_VERSION = "1.2.0";
    static final String NS = "http://csrc.nist.gov/ns/oscal/1.0";

    /** Date of the crosswalk data; the document is reproducible, so no wall-clock time. */
    static final String CROSSWALK_DATE = "2026-11-29T00:00:00Z";

    /** NIST's published OSCAL catalog of SP 800-53 rev 5, the source resource. */
    static final String NIST_CATALOG = "https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/"
            + "SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json";

    private static final UUID NAMESPACE = UUID.fromString("0f3a6c1e-6b0e-5d4f-8c61-2a9e5b7d4c10");

    private OscalMappingCollection() {}

    record Doc(String uuid, String title, String version, Provenance provenance, List<MappingBlock> mappings) {}

    record Provenance(String method, String matching, String status, Score score, String description) {}

    record Score(String category, BigDecimal percentage) {}

    record MappingBlock(
            String uuid,
            String sourceHref,
            String targetHref,
            List<Entry> maps,
            String remarks,
            String gapUuid,
            List<String> unmapped) {}

    record Entry(
            String uuid, String relationship, String source, String target, String gap, Score score, String remarks) {}

    static Doc of(ForeignControls controls, Catalog catalog) {
        Map<String, List<ControlMap>> byStandard = new LinkedHashMap<>();
        for (ControlMap m : controls.all()) {
            byStandard
                    .computeIfAbsent(standardOf(catalog, m.item().value()), k -> new ArrayList<>())
                    .add(m);
        }
        Map<String, List<UnmappedItem>> unmappedByStandard = new LinkedHashMap<>();
        for (UnmappedItem u : controls.unmappedItems()) {
            String code = standardOf(catalog, u.item().value());
            unmappedByStandard.computeIfAbsent(code, k -> new ArrayList<>()).add(u);
            byStandard.computeIfAbsent(code, k -> new ArrayList<>());
        }
        String source = NIST_CATALOG;
        List<MappingBlock> blocks = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder(controls.framework() + controls.frameworkVersion());
        for (Map.Entry<String, List<ControlMap>> e : byStandard.entrySet()) {
            String code = e.getKey();
            List<Entry> entries = new ArrayList<>();
            for (ControlMap m : e.getValue()) {
                fingerprint.append(m);
                entries.add(new Entry(
                        uuid("map:" + m.controlId() + ">" + m.item().value()).toString(),
                        m.relationship().oscal(),
                        m.controlId(),
                        m.item().value(),
                        m.gap().isBlank() ? null : m.gap() + "\n\n" + m.gapZh(),
                        score(m.confidence()),
                        both("rationale", m.rationale(), m.rationaleZh())
                                + (m.gap().isBlank() ? "" : "\n\n" + both("gap", m.gap(), m.gapZh()))));
            }
            List<UnmappedItem> unmapped = unmappedByStandard.getOrDefault(code, List.of());
            unmapped.forEach(fingerprint::append);
            StringBuilder remarks = new StringBuilder();
            for (UnmappedItem u : unmapped) {
                remarks.append(remarks.isEmpty() ? "" : "\n\n")
                        .append(Texts.render(Msg.of(UNMAPPED, u.item().value(), u.reason()), Texts.ENGLISH))
                        .append("\n\n")
                        .append(Texts.render(Msg.of(UNMAPPED, u.item().value(), u.reasonZh()), Texts.CHINESE));
            }
            blocks.add(new MappingBlock(
                    uuid("mapping:" + controls.framework() + ">" + code).toString(),
                    source,
                    "/api/catalog/standards/" + code + "/oscal",
                    List.copyOf(entries),
                    remarks.isEmpty() ? null : remarks.toString(),
                    unmapped.isEmpty()
                            ? null
                            : uuid("gap:" + controls.framework() + ">" + code).toString(),
                    unmapped.stream().map(u -> u.item().value()).toList()));
        }
        double mean = controls.all().stream()
                .mapToInt(ControlMap::confidence)
                .average()
                .orElse(0);
        var review = controls.review();
        return new Doc(
                uuid("mapping-collection:" + fingerprint).toString(),
                Texts.render(Msg.of("catalog.crosswalk.oscal.title", controls.framework()), Texts.ENGLISH),
                "1",
                new Provenance(
                        review.method(),
                        review.matchingRationale(),
                        review.status(),
                        score((int) Math.round(mean)),
                        review.description().isBlank() ? "A crosswalk reviewed by hand." : review.description()),
                List.copyOf(blocks));
    }

    /** A labelled text in English, then in Chinese (the document is for readers of either language). */
    private static String both(String label, String english, String chinese) {
        String key = "catalog.crosswalk.oscal." + label;
        return Texts.render(Msg.of(key, english), Texts.ENGLISH) + "\n\n"
                + Texts.render(Msg.of(key, chinese), Texts.CHINESE);
    }

    private static final String UNMAPPED = "catalog.crosswalk.oscal.unmapped";

    private static String standardOf(Catalog catalog, String item) {
        return catalog.requirement(org.yunjian.catalog.RequirementId.of(item))
                .map(Requirement::standardCode)
                .orElseThrow(() -> new IllegalStateException("unknown item " + item));
    }

    static UUID uuid(String name) {
        return Uuids.v5(NAMESPACE, name);
    }

    /** OSCAL's confidence score: a category and a decimal 0–1. */
    static Score score(int confidence) {
        String category = confidence >= 75 ? "high" : confidence >= 50 ? "medium" : "low";
        return new Score(
                category, BigDecimal.valueOf(confidence).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
    }

    // ---- JSON ----

    static String json(Doc d) {
        JsonMapper mapper =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode c = root.putObject("mapping-collection");
        c.put("uuid", d.uuid());
        ObjectNode meta = c.putObject("metadata");
        meta.put("title", d.title());
        meta.put("last-modified", CROSSWALK_DATE);
        meta.put("version", d.version());
        meta.put("oscal-version", OSCAL_VERSION);
        ObjectNode p = c.putObject("provenance");
        p.put("method", d.provenance().method());
        p.put("matching-rationale", d.provenance().matching());
        p.put("status", d.provenance().status());
        score(p, d.provenance().score());
        p.put("mapping-description", d.provenance().description());
        ArrayNode mappings = c.putArray("mappings");
        for (MappingBlock b : d.mappings()) {
            ObjectNode m = mappings.addObject();
            m.put("uuid", b.uuid());
            m.putObject("source-resource").put("type", "catalog").put("href", b.sourceHref());
            m.putObject("target-resource").put("type", "catalog").put("href", b.targetHref());
            ArrayNode maps = m.putArray("maps");
            for (Entry e : b.maps()) {
                ObjectNode x = maps.addObject();
                x.put("uuid", e.uuid());
                x.put("relationship", e.relationship());
                x.putArray("sources").addObject().put("type", "control").put("id-ref", e.source());
                x.putArray("targets").addObject().put("type", "control").put("id-ref", e.target());
                if (e.gap() != null) {
                    x.putArray("qualifiers")
                            .addObject()
                            .put("subject", "both")
                            .put("predicate", "has-requirement")
                            .put("category", "addressable")
                            .put("description", e.gap());
                }
                score(x, e.score());
                x.put("remarks", e.remarks());
            }
            if (b.remarks() != null) {
                m.put("remarks", b.remarks());
            }
            if (b.gapUuid() != null) {
                ObjectNode gap = m.putObject("target-gap-summary");
                gap.put("uuid", b.gapUuid());
                ArrayNode ids = gap.putArray("unmapped-controls").addObject().putArray("with-ids");
                b.unmapped().forEach(ids::add);
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    private static void score(ObjectNode n, Score s) {
        n.putObject("confidence-score").put("category", s.category()).put("percentage", s.percentage());
    }

    // ---- XML ----

    static String xml(Doc d) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            X x = new X(w);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("mapping-collection");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("uuid", d.uuid());
            x.start(1, "metadata");
            x.leaf(2, "title", d.title());
            x.leaf(2, "last-modified", CROSSWALK_DATE);
            x.leaf(2, "version", d.version());
            x.leaf(2, "oscal-version", OSCAL_VERSION);
            x.end(1);
            x.start(1, "provenance");
            w.writeAttribute("method", d.provenance().method());
            w.writeAttribute("matching-rationale", d.provenance().matching());
            w.writeAttribute("status", d.provenance().status());
            x.score(2, d.provenance().score());
            x.markup(2, "mapping-description", d.provenance().description());
            x.end(1);
            for (MappingBlock b : d.mappings()) {
                x.start(1, "mapping");
                w.writeAttribute("uuid", b.uuid());
                x.resource(2, "source-resource", b.sourceHref());
                x.resource(2, "target-resource", b.targetHref());
                for (Entry e : b.maps()) {
                    x.start(2, "map");
                    w.writeAttribute("uuid", e.uuid());
                    x.leaf(3, "relationship", e.relationship());
                    x.item(3, "source", e.source());
                    x.item(3, "target", e.target());
                    if (e.gap() != null) {
                        x.start(3, "qualifier");
                        w.writeAttribute("subject", "both");
                        w.writeAttribute("predicate", "has-requirement");
                        w.writeAttribute("category", "addressable");
                        x.markup(4, "description", e.gap());
                        x.end(3);
                    }
                    x.score(3, e.score());
                    x.markup(3, "remarks", e.remarks());
                    x.end(2);
                }
                if (b.remarks() != null) {
                    x.markup(2, "remarks", b.remarks());
                }
                if (b.gapUuid() != null) {
                    x.start(2, "target-gap-summary");
                    w.writeAttribute("uuid", b.gapUuid());
                    x.start(3, "unmapped-controls");
                    for (String id : b.unmapped()) {
                        x.leaf(4, "with-id", id);
                    }
                    x.end(3);
                    x.end(2);
                }
                x.end(1);
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private record X(XMLStreamWriter w) {

        void start(int depth, String name) throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
            w.writeStartElement(name);
        }

        void end(int depth) throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
            w.writeEndElement();
        }

        void leaf(int depth, String name, String text) throws XMLStreamException {
            start(depth, name);
            w.writeCharacters(text);
            w.writeEndElement();
        }

        void empty(int depth, String name) throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
            w.writeEmptyElement(name);
        }

        void resource(int depth, String name, String href) throws XMLStreamException {
            empty(depth, name);
            w.writeAttribute("type", "catalog");
            w.writeAttribute("href", href);
        }

        void item(int depth, String name, String idRef) throws XMLStreamException {
            empty(depth, name);
            w.writeAttribute("type", "control");
            w.writeAttribute("id-ref", idRef);
        }

        void score(int depth, Score s) throws XMLStreamException {
            empty(depth, "confidence-score");
            w.writeAttribute("category", s.category());
            w.writeAttribute("percentage", s.percentage().toPlainString());
        }

        /** Markup-multiline: one {@code p} per paragraph (blank-line separated). */
        void markup(int depth, String name, String text) throws XMLStreamException {
            start(depth, name);
            for (String para : text.split("\n\n")) {
                leaf(depth + 1, "p", para.strip());
            }
            end(depth);
        }
    }
}
