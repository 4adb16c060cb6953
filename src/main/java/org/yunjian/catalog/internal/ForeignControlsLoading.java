package org.yunjian.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ControlMap;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.RequirementId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the crosswalk from another catalog's controls to the Chinese items ({@code catalog/crosswalks/*.json}) and
 * checks it against the loaded catalog: every item exists, every control id is an SP 800-53 id, every relationship
 * is one of OSCAL's, no control–item pair twice. A problem stops the application, as a broken catalog file does.
 */
public final class ForeignControlsLoading {

    /** The shipped crosswalk: NIST SP 800-53 rev 5 to 等保 level 3 (cloud extension) and T/CCIA 004. */
    public static final String NIST_SP800_53_R5 = "catalog/crosswalks/nist-sp800-53r5.json";

    private ForeignControlsLoading() {}

    public static ForeignControls fromClasspath(Catalog catalog) {
        try (InputStream in = new ClassPathResource(NIST_SP800_53_R5).getInputStream()) {
            return read(NIST_SP800_53_R5, in.readAllBytes(), catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The crosswalk in {@code content}; {@link IllegalStateException} naming the file and the entry when it is wrong. */
    public static ForeignControls read(String name, byte[] content, Catalog catalog) {
        JsonNode root = JsonMapper.builder().build().readTree(content);
        JsonNode framework = root.path("framework");
        List<ControlMap> maps = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        JsonNode entries = root.path("maps");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String where = name + ": maps[" + i + "]";
            String control = ForeignControls.normalised(e.path("control").asString(""))
                    .orElseThrow(() -> new IllegalStateException(where + ": not an SP 800-53 control id"));
            RequirementId item = RequirementId.of(e.path("item").asString(""));
            if (catalog.requirement(item).isEmpty()) {
                throw new IllegalStateException(where + ": unknown item " + item);
            }
            if (!pairs.add(control + " " + item)) {
                throw new IllegalStateException(where + ": " + control + " → " + item + " twice");
            }
            try {
                maps.add(new ControlMap(
                        control,
                        item,
                        ControlMap.Relationship.ofOscal(e.path("relationship").asString("")),
                        e.path("confidence").asInt(-1),
                        e.path("rationale").asString(""),
                        e.path("rationaleZh").asString(""),
                        e.path("gap").asString(""),
                        e.path("gapZh").asString("")));
            } catch (IllegalArgumentException ex) {
                throw new IllegalStateException(where + ": " + ex.getMessage(), ex);
            }
        }
        return new ForeignControls(
                framework.path("title").asString(""), framework.path("version").asString(""), maps);
    }
}
