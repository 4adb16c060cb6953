package org.yunjian.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.Standard;

/** OSCAL export validity against the official schemas, the round trip, and import of published-style OSCAL catalogs. */
class OscalExchangeTest {

    private static final Catalog SHIPPED = CatalogLoading.fromClasspath();

    private static String export(String code, OscalFormat format) {
        Standard s = SHIPPED.standard(code).orElseThrow();
        OscalModel.Catalog model = OscalMapping.export(s, SHIPPED.requirements(code));
        return format == OscalFormat.JSON ? OscalJson.write(model) : OscalXml.write(model);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = OscalExchangeTest.class.getResourceAsStream("/oscal/" + name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MLPS-L3", "GBT31167", "TCCIA004", "JRT-SF", "GOVWEB"})
    void every_standard_exports_as_json_and_xml_valid_against_the_official_oscal_schemas(String code) {
        String json = export(code, OscalFormat.JSON);
        assertThat(JsonSchemaCheck.oscalCatalog().validate(utf8(json))).isEmpty();
        String xml = export(code, OscalFormat.XML);
        OscalXml.validate(code + ".xml", utf8(xml));
        assertThat(json).contains("\"ns\": \"https://yunjian.org/ns/oscal\"").contains("\"oscal-version\": \"1.1.3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MLPS-L3", "GBT31167", "TCCIA004", "JRT-SF", "GOVWEB"})
    void export_import_export_is_byte_identical_in_both_formats_and_keeps_text_and_attributes(String code) {
        for (OscalFormat format : OscalFormat.values()) {
            String first = export(code, format);
            OscalModel.Catalog read = CatalogExchangeService.read("x", utf8(first), format);
            OscalMapping.Imported imported = OscalMapping.toStandard("COPY", "x", read);
            String second =
                    format == OscalFormat.JSON ? OscalJson.write(imported.oscal()) : OscalXml.write(imported.oscal());
            assertThat(second).as(format.name()).isEqualTo(first);
            // and the other format of the re-import is the same catalog
            OscalModel.Catalog crossed = CatalogExchangeService.read(
                    "y",
                    utf8(format == OscalFormat.JSON ? OscalXml.write(read) : OscalJson.write(read)),
                    format == OscalFormat.JSON ? OscalFormat.XML : OscalFormat.JSON);
            assertThat(crossed).isEqualTo(read);

            List<Requirement> original = SHIPPED.requirements(code);
            assertThat(imported.requirements()).hasSameSizeAs(original);
            java.util.Map<RequirementId, Requirement> byId = new java.util.HashMap<>();
            imported.requirements().forEach(r -> byId.put(r.id(), r));
            for (Requirement o : original) {
                Requirement r = byId.get(RequirementId.imported("COPY", o.id().value()));
                assertThat(r).as(o.id().value()).isNotNull();
                assertThat(r.text()).as(o.id().value()).isEqualTo(o.text());
                assertThat(r.textEn()).isEqualTo(o.textEn());
                assertThat(r.title()).isEqualTo(o.title());
                assertThat(r.kind()).isEqualTo(o.kind());
                assertThat(r.clause()).isEqualTo(o.clause());
                assertThat(r.phases()).isEqualTo(o.phases());
                assertThat(r.roles()).isEqualTo(o.roles());
                assertThat(r.layer()).isEqualTo(o.layer());
                assertThat(r.deploymentModels()).isEqualTo(o.deploymentModels());
                assertThat(r.children())
                        .isEqualTo(o.children().stream()
                                .map(c -> RequirementId.imported("COPY", c.value()))
                                .toList());
                assertThat(r.parent())
                        .isEqualTo(
                                o.parent() == null
                                        ? null
                                        : RequirementId.imported(
                                                "COPY", o.parent().value()));
            }
        }
    }

    @Test
    void uuids_are_name_based_version_5_and_stable() {
        assertThat(OscalMapping.uuid5("catalog:MLPS-L3")).isEqualTo(OscalMapping.uuid5("catalog:MLPS-L3"));
        assertThat(OscalMapping.uuid5("catalog:MLPS-L3").version()).isEqualTo(5);
        assertThat(export("MLPS-L3", OscalFormat.JSON))
                .contains(OscalMapping.uuid5("catalog:MLPS-L3").toString());
    }

    @Test
    void published_style_catalogs_in_json_and_xml_import_and_become_searchable() throws IOException {
        OscalMapping.Imported json = OscalMapping.toStandard(
                "OSCAL-SAMPLE",
                "sample-catalog.json",
                CatalogExchangeService.read("sample-catalog.json", resource("sample-catalog.json"), OscalFormat.JSON));
        OscalMapping.Imported xml = OscalMapping.toStandard(
                "OSCAL-SAMPLE-XML",
                "sample-catalog.xml",
                CatalogExchangeService.read("sample-catalog.xml", resource("sample-catalog.xml"), OscalFormat.XML));
        assertThat(json.requirements()).hasSize(8);
        assertThat(xml.requirements()).hasSize(8);
        Requirement control = json.requirements().stream()
                .filter(r -> r.id().value().equals("OSCAL-SAMPLE:s1.1.2"))
                .findFirst()
                .orElseThrow();
        assertThat(control.title()).isEqualTo("Segregation of duties");
        assertThat(control.text()).startsWith("Duties and areas of responsibility that conflict");
        assertThat(control.parent()).isEqualTo(RequirementId.imported("OSCAL-SAMPLE", "s1.1"));

        Catalog catalog = CatalogLoading.fromClasspath();
        catalog.replaceImported(
                List.of(json.standard(), xml.standard()),
                java.util.stream.Stream.concat(json.requirements().stream(), xml.requirements().stream())
                        .toList());
        assertThat(catalog.search(
                        "segregation of duties", RequirementFilter.items().standard("OSCAL-SAMPLE")))
                .extracting(h -> h.requirement().id().value())
                .startsWith("OSCAL-SAMPLE:s1.1.2");
        assertThat(catalog.search("segregated duties", RequirementFilter.items().standard("OSCAL-SAMPLE-XML")))
                .extracting(h -> h.requirement().id().value())
                .contains("OSCAL-SAMPLE-XML:s1.1.2");
        assertThat(catalog.search("剩余信息", RequirementFilter.any())).isNotEmpty();

        // the imported catalog re-exports valid, and re-export after re-import is identical
        for (OscalFormat f : OscalFormat.values()) {
            String once = f == OscalFormat.JSON ? OscalJson.write(json.oscal()) : OscalXml.write(json.oscal());
            OscalModel.Catalog again = CatalogExchangeService.read("again", utf8(once), f);
            String twice = f == OscalFormat.JSON ? OscalJson.write(again) : OscalXml.write(again);
            assertThat(twice).isEqualTo(once);
        }
    }

    @Test
    void malformed_documents_are_rejected_with_file_line_path_and_problem() throws IOException {
        String good = new String(resource("sample-catalog.json"), StandardCharsets.UTF_8);
        // a control without its required title, on line 43 of the file
        String noTitle = good.replace("\"title\": \"Information security roles and responsibilities\",", "");
        assertThatThrownBy(() -> CatalogExchangeService.read("bad.json", utf8(noTitle), OscalFormat.JSON))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("bad.json:")
                .hasMessageContaining("$.catalog.groups[0].groups[0].controls[0]")
                .hasMessageContaining("required property 'title' not found");
        String badUuid = good.replace("3f0c2a8e-6b1d-4f7a-9c2e-5d8b7a6e4f10", "not-a-uuid");
        assertThatThrownBy(() -> CatalogExchangeService.read("bad.json", utf8(badUuid), OscalFormat.JSON))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageStartingWith("bad.json:3: $.catalog.uuid: value \"not-a-uuid\": does not match");
        String unknown = good.replace("\"version\": \"1.0\",", "\"version\": \"1.0\", \"colour\": \"red\",");
        assertThatThrownBy(() -> CatalogExchangeService.read("bad.json", utf8(unknown), OscalFormat.JSON))
                .hasMessageContaining("$.catalog.metadata.colour: property 'colour' is not defined in the schema");
        assertThatThrownBy(() -> CatalogExchangeService.read("bad.json", utf8("{\"catalog\": {"), OscalFormat.JSON))
                .hasMessageContaining("malformed JSON");

        String xml = new String(resource("sample-catalog.xml"), StandardCharsets.UTF_8);
        String xmlNoTitle = xml.replace("<title>Segregation of duties</title>", "");
        assertThatThrownBy(() -> CatalogExchangeService.read("bad.xml", utf8(xmlNoTitle), OscalFormat.XML))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("bad.xml:")
                .hasMessageContaining("control[2](@id=s1.1.2)");
        assertThatThrownBy(() ->
                        CatalogExchangeService.read("bad.xml", utf8(xml.replace("</catalog>", "")), OscalFormat.XML))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("malformed XML");
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE catalog [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\">&x;</catalog>";
        assertThatThrownBy(() -> CatalogExchangeService.read("xxe.xml", utf8(doctype), OscalFormat.XML))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("DOCTYPE");
    }

    /** A catalog whose groups nest {@code depth} deep, built as text (no recursion in the test either). */
    static byte[] nestedGroups(OscalFormat format, int depth) {
        StringBuilder b = new StringBuilder(depth * 120);
        if (format == OscalFormat.JSON) {
            b.append("{\"catalog\":{\"uuid\":\"3f0c2a8e-6b1d-4f7a-9c2e-5d8b7a6e4f10\",\"metadata\":{\"title\":\"deep\","
                    + "\"last-modified\":\"2026-01-01T00:00:00Z\",\"version\":\"1\",\"oscal-version\":\"1.1.3\"}");
            for (int i = 0; i < depth; i++) {
                b.append(",\"groups\":[{\"title\":\"g").append(i).append('"');
            }
            b.append("}]".repeat(depth)).append("}}");
        } else {
            b.append(
                    "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"3f0c2a8e-6b1d-4f7a-9c2e-5d8b7a6e4f10\">"
                            + "<metadata><title>deep</title><last-modified>2026-01-01T00:00:00Z</last-modified>"
                            + "<version>1</version><oscal-version>1.1.3</oscal-version></metadata>");
            for (int i = 0; i < depth; i++) {
                b.append("<group><title>g").append(i).append("</title>");
            }
            b.append("</group>".repeat(depth)).append("</catalog>");
        }
        return utf8(b.toString());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(OscalFormat.class)
    void twentyThousandNestedGroupsAreRefusedNamingTheLimitNotAStackOverflow(OscalFormat format) {
        byte[] deep = nestedGroups(format, 20_000);
        assertThatThrownBy(() ->
                        CatalogExchangeService.read("deep", deep, format, CatalogExchangeService.DEFAULT_MAX_DEPTH))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("nested deeper than 100 levels")
                .hasMessageContaining("yunjian.catalog.max-nesting-depth");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(OscalFormat.class)
    void nestingWithinTheLimitStillReadsAndTheLimitIsConfigurable(OscalFormat format) {
        OscalModel.Catalog read = CatalogExchangeService.read(
                "ten", nestedGroups(format, 10), format, CatalogExchangeService.DEFAULT_MAX_DEPTH);
        assertThat(read.groups()).hasSize(1);
        assertThatThrownBy(() -> CatalogExchangeService.read("ten", nestedGroups(format, 10), format, 8))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("nested deeper than 8 levels");
    }
}
