package org.yunjian.catalog.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yunjian.catalog.ControlMap;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.UnmappedItem;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code yunjian catalog crosswalk [--control ID] [--json]}: the crosswalk from NIST SP 800-53 rev 5 to the Chinese
 * items — every map and the items no control meets, or one control's maps — as lines in the CLI's language or as JSON
 * (both languages), on stdout only.
 */
@Command(name = "crosswalk", mixinStandardHelpOptions = true)
class CrosswalkCommand extends YunjianCommand {

    @Option(names = "--control", descriptionKey = "cli.catalog.option.control")
    String control;

    @Option(names = "--json", descriptionKey = "cli.catalog.option.json")
    boolean json;

    private final ForeignControls controls;

    CrosswalkCommand(ForeignControls controls) {
        this.controls = controls;
    }

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        List<ControlMap> maps = controls.all();
        List<UnmappedItem> unmapped = controls.unmappedItems();
        if (control != null) {
            Optional<String> id = ForeignControls.normalised(control);
            if (id.isEmpty()) {
                err.println(Texts.get("cli.catalog.crosswalk.malformed", control));
                return BAD_INPUT;
            }
            maps = controls.mapsOf(id.get());
            unmapped = List.of();
            if (maps.isEmpty()) {
                err.println(Texts.get("cli.catalog.crosswalk.noMaps", ForeignControls.displayId(id.get())));
            }
        }
        if (json) {
            out.print(json(maps, unmapped));
            return 0;
        }
        Locale locale = Texts.locale();
        for (ControlMap m : maps) {
            out.println(Texts.get(
                    "cli.catalog.crosswalk.map",
                    ForeignControls.displayId(m.controlId()),
                    controls.controlTitle(m.controlId()).orElse(""),
                    Texts.get(
                            "catalog.crosswalk.relationship." + m.relationship().name()),
                    m.item().value(),
                    m.confidence()));
            out.println(Texts.get("cli.catalog.crosswalk.rationale", m.rationale(locale)));
            if (!m.gap(locale).isBlank()) {
                out.println(Texts.get("cli.catalog.crosswalk.gap", m.gap(locale)));
            }
        }
        for (UnmappedItem u : unmapped) {
            out.println(Texts.get("cli.catalog.crosswalk.unmapped", u.item().value(), u.reason(locale)));
        }
        if (control == null) {
            out.println(Texts.get("cli.catalog.crosswalk.count", maps.size(), unmapped.size()));
        }
        return 0;
    }

    private String json(List<ControlMap> maps, List<UnmappedItem> unmapped) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("framework", controls.framework());
        doc.put("frameworkVersion", controls.frameworkVersion());
        doc.put(
                "maps",
                maps.stream()
                        .map(m -> {
                            Map<String, Object> x = new LinkedHashMap<>();
                            x.put("control", m.controlId());
                            x.put(
                                    "controlTitle",
                                    controls.controlTitle(m.controlId()).orElse(null));
                            x.put("item", m.item().value());
                            x.put("relationship", m.relationship().oscal());
                            x.put("confidence", m.confidence());
                            x.put("rationale", m.rationale());
                            x.put("rationaleZh", m.rationaleZh());
                            x.put("gap", m.gap());
                            x.put("gapZh", m.gapZh());
                            return x;
                        })
                        .toList());
        if (control == null) {
            doc.put(
                    "unmapped",
                    unmapped.stream()
                            .map(u -> Map.of("item", u.item().value(), "reason", u.reason(), "reasonZh", u.reasonZh()))
                            .toList());
        }
        return JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(doc)
                + "\n";
    }
}
