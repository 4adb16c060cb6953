package org.yunjian.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ForeignControls;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OSCAL 1.2.0 mapping collection checked against NIST's mapping model as written in usnistgov/OSCAL
 * ({@code src/metaschema/oscal_mapping_metaschema.xml}, {@code oscal_mapping-common_metaschema.xml}): no OSCAL 1.2
 * library is on Maven Central (liboscal-java 5.2.0 is OSCAL 1.1.3), so the model's required fields, allowed values,
 * known keys and unique UUIDs are checked here, and every target resolves to a control of the platform's export.
 */
class OscalMappingCollectionTest {

    private static final Catalog CATALOG = CatalogLoading.fromClasspath();
    private static final ForeignControls CONTROLS = ForeignControlsLoading.fromClasspath(CATALOG);
    private static final Pattern UUID_V45 = Pattern.compile(
            "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$");

    // the keys the model defines at each level (JSON names)
    private static final Map<String, Set<String>> KEYS = Map.of(
            "mapping-collection", Set.of("uuid", "metadata", "provenance", "mappings", "back-matter"),
            "provenance",
                    Set.of(
                            "method",
                            "matching-rationale",
                            "status",
                            "confidence-score",
                            "coverage",
                            "mapping-description",
                            "responsible-parties",
                            "props",
                            "links",
                            "remarks"),
            "mapping",
                    Set.of(
                            "uuid",
                            "method",
                            "matching-rationale",
                            "status",
                            "source-resource",
                            "target-resource",
                            "maps",
                            "props",
                            "links",
                            "remarks",
                            "mapping-description",
                            "source-gap-summary",
                            "target-gap-summary",
                            "confidence-score",
                            "coverage"),
            "map",
                    Set.of(
                            "uuid",
                            "ns",
                            "matching-rationale",
                            "relationship",
                            "sources",
                            "targets",
                            "qualifiers",
                            "confidence-score",
                            "coverage",
                            "props",
                            "links",
                            "remarks"),
            "qualifier", Set.of("subject", "predicate", "category", "description", "remarks"),
            "confidence-score", Set.of("category", "percentage"),
            "gap-summary", Set.of("uuid", "unmapped-controls"));

    private static final Set<String> RELATIONSHIPS =
            Set.of("equivalent-to", "equal-to", "subset-of", "superset-of", "intersects-with", "no-relationship");

    private static JsonNode json() {
        String text = OscalMappingCollection.json(OscalMappingCollection.of(CONTROLS, CATALOG));
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void theDocumentHasTheModelsRequiredFieldsAndOnlyItsKeys() {
        JsonNode c = json().path("mapping-collection");
        keys(c, "mapping-collection");
        assertThat(c.path("uuid").asString("")).matches(UUID_V45);
        JsonNode meta = c.path("metadata");
        assertThat(meta.path("title").asString("")).isNotBlank();
        assertThat(meta.path("last-modified").asString("")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(meta.path("version").asString("")).isNotBlank();
        assertThat(meta.path("oscal-version").asString("")).isEqualTo("1.2.0");
        JsonNode p = c.path("provenance");
        keys(p, "provenance");
        assertThat(p.path("method").asString("")).isIn("human", "automation");
        assertThat(p.path("matching-rationale").asString("")).isIn("syntactic", "semantic", "functional");
        assertThat(p.path("status").asString("")).isIn("complete", "not-complete", "draft", "deprecated", "superseded");
        assertThat(p.path("mapping-description").asString("")).isNotBlank();
        score(p.path("confidence-score"));
        assertThat(c.path("mappings").size()).isEqualTo(2); // 等保 level 3 and T/CCIA 004: one target resource each
    }

    @Test
    void everyMapHasAnAllowedRelationshipControlsOnBothSidesAndItsRationaleAndGap() {
        int maps = 0;
        for (JsonNode m : json().path("mapping-collection").path("mappings")) {
            keys(m, "mapping");
            assertThat(m.path("source-resource").path("type").asString("")).isEqualTo("catalog");
            assertThat(m.path("source-resource").path("href").asString("")).startsWith("https://");
            assertThat(m.path("target-resource").path("type").asString("")).isEqualTo("catalog");
            assertThat(m.path("target-resource").path("href").asString(""))
                    .matches("/api/catalog/standards/[A-Z0-9-]+/oscal");
            assertThat(m.path("maps").size()).isPositive();
            for (JsonNode x : m.path("maps")) {
                maps++;
                keys(x, "map");
                assertThat(x.path("relationship").asString("")).isIn(RELATIONSHIPS);
                for (String side : List.of("sources", "targets")) {
                    assertThat(x.path(side).size()).as(side).isPositive();
                    for (JsonNode s : x.path(side)) {
                        assertThat(s.path("type").asString("")).isIn("control", "statement");
                        assertThat(s.path("id-ref").asString("")).isNotBlank();
                    }
                }
                assertThat(ForeignControls.normalised(
                                x.path("sources").get(0).path("id-ref").asString("")))
                        .contains(x.path("sources").get(0).path("id-ref").asString(""));
                for (JsonNode q : x.path("qualifiers")) {
                    keys(q, "qualifier");
                    assertThat(q.path("subject").asString("")).isIn("source", "target", "both");
                    assertThat(q.path("predicate").asString("")).isIn("has-requirement", "has-incompatibility");
                    assertThat(q.path("category").asString("")).isIn("restricted", "addressable", "blocked");
                    assertThat(q.path("description").asString("")).isNotBlank();
                }
                score(x.path("confidence-score"));
                assertThat(x.path("remarks").asString(""))
                        .contains("Rationale: ")
                        .contains("理由：");
            }
        }
        assertThat(maps).isEqualTo(CONTROLS.all().size());
    }

    @Test
    void everyTargetIsAControlOfThePlatformsExportAndTheUnmappedItemsAreTheGapSummary() {
        for (JsonNode m : json().path("mapping-collection").path("mappings")) {
            String href = m.path("target-resource").path("href").asString("");
            String code = href.replaceAll("^/api/catalog/standards/([^/]+)/oscal$", "$1");
            Set<String> exported = exportedControlIds(code);
            for (JsonNode x : m.path("maps")) {
                assertThat(exported)
                        .contains(x.path("targets").get(0).path("id-ref").asString(""));
            }
            JsonNode gap = m.path("target-gap-summary");
            if ("MLPS-L3".equals(code)) {
                keys(gap, "gap-summary");
                assertThat(gap.path("uuid").asString("")).matches(UUID_V45);
                List<String> ids = new ArrayList<>();
                gap.path("unmapped-controls").get(0).path("with-ids").forEach(n -> ids.add(n.asString("")));
                assertThat(ids)
                        .containsExactlyElementsOf(CONTROLS.unmappedItems().stream()
                                .map(u -> u.item().value())
                                .toList())
                        .allSatisfy(id -> assertThat(exported).contains(id));
                assertThat(m.path("remarks").asString("")).contains("Unmapped MLPS-L3-8.2.4.6-d");
            } else {
                assertThat(gap.isMissingNode())
                        .as("no gap summary without unmapped items")
                        .isTrue();
            }
        }
    }

    private static Set<String> exportedControlIds(String code) {
        String export =
                OscalJson.write(OscalMapping.export(CATALOG.standard(code).orElseThrow(), CATALOG.requirements(code)));
        Set<String> ids = new HashSet<>();
        collect(JsonMapper.builder().build().readTree(export).path("catalog"), ids);
        return ids;
    }

    private static void collect(JsonNode n, Set<String> ids) {
        for (JsonNode k : n.path("controls")) {
            ids.add(k.path("id").asString(""));
            collect(k, ids);
        }
        for (JsonNode g : n.path("groups")) {
            collect(g, ids);
        }
    }

    @Test
    void everyUuidIsAVersion4Or5UuidAndUniqueAndTheDocumentIsTheSameEachTime() {
        List<String> uuids = new ArrayList<>();
        uuidsIn(json(), uuids);
        assertThat(uuids).hasSizeGreaterThan(CONTROLS.all().size()).allMatch(u -> UUID_V45.matcher(u)
                .matches());
        assertThat(new HashSet<>(uuids)).hasSameSizeAs(uuids);
        var doc = OscalMappingCollection.of(CONTROLS, CATALOG);
        assertThat(OscalMappingCollection.json(doc))
                .isEqualTo(OscalMappingCollection.json(OscalMappingCollection.of(CONTROLS, CATALOG)));
    }

    private static void uuidsIn(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("uuid")) {
                    out.add(e.getValue().asString(""));
                } else {
                    uuidsIn(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(x -> uuidsIn(x, out));
        }
    }

    @Test
    void theXmlSaysTheSameInTheModelsElementOrder() throws Exception {
        String xml = OscalMappingCollection.xml(OscalMappingCollection.of(CONTROLS, CATALOG));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("mapping-collection");
        assertThat(root.getNamespaceURI()).isEqualTo(OscalMappingCollection.NS);
        assertThat(children(root)).startsWith("metadata", "provenance", "mapping");
        Element provenance = (Element) root.getElementsByTagNameNS(OscalMappingCollection.NS, "provenance")
                .item(0);
        assertThat(provenance.getAttribute("method")).isEqualTo("human");
        NodeList maps = root.getElementsByTagNameNS(OscalMappingCollection.NS, "map");
        assertThat(maps.getLength()).isEqualTo(CONTROLS.all().size());
        List<String> order = List.of("relationship", "source", "target", "qualifier", "confidence-score", "remarks");
        for (int i = 0; i < maps.getLength(); i++) {
            List<String> names = children((Element) maps.item(i));
            List<Integer> positions = names.stream().map(order::indexOf).toList();
            assertThat(positions).doesNotContain(-1).isSorted();
            assertThat(names).contains("relationship", "source", "target");
        }
        Element mapping = (Element) root.getElementsByTagNameNS(OscalMappingCollection.NS, "mapping")
                .item(0);
        List<String> m = children(mapping);
        assertThat(m.indexOf("target-gap-summary")).isGreaterThan(m.lastIndexOf("map"));
    }

    private static List<String> children(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                names.add(c.getLocalName());
            }
        }
        return names;
    }

    private static void keys(JsonNode n, String level) {
        assertThat(n.isObject()).as(level).isTrue();
        List<String> names = new ArrayList<>();
        n.propertyNames().forEach(names::add);
        assertThat(KEYS.get(level)).as(level).containsAll(names);
    }

    private static void score(JsonNode s) {
        keys(s, "confidence-score");
        assertThat(s.path("category").asString("")).isIn("high", "medium", "low", "unspecified");
        assertThat(s.path("percentage").asDouble(-1)).isBetween(0.0, 1.0);
    }
}
