package org.yunjian.cli.remote;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yunjian.cli.remote.RemoteCli.Call;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian catalog crosswalk [--control ID] [--json] [--format json|xml -o FILE]} against the server: the
 * crosswalk from NIST SP 800-53 rev 5 to the Chinese items as the server publishes it (the OSCAL mapping collection,
 * {@code GET /api/catalog/crosswalks/nist-sp800-53r5/oscal}). A line per map (control, relationship, item,
 * confidence) and the count, or one control's maps; {@code --json} the server's document as it came; {@code -o} writes
 * it (JSON or XML) byte for byte.
 */
final class RemoteCrosswalk {

    private RemoteCrosswalk() {}

    static final String PATH = "/api/catalog/crosswalks/nist-sp800-53r5/oscal";

    @Command(name = "crosswalk", mixinStandardHelpOptions = true, description = "cli.catalog.crosswalk.description")
    static class Crosswalk extends Call {
        @Option(names = "--control", descriptionKey = "cli.catalog.option.control")
        String control;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Option(names = "--format", paramLabel = "json|xml", descriptionKey = "cli.catalog.crosswalk.option.format")
        String format;

        @Option(
                names = {"-o", "--out"},
                descriptionKey = "cli.catalog.crosswalk.option.out")
        Path file;

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            if (file != null) {
                String f = format == null ? "json" : format.strip().toLowerCase(Locale.ROOT);
                if (!f.equals("json") && !f.equals("xml")) {
                    throw Server.input("cli.remote.badOption", "--format", format);
                }
                RemoteCommands.written(out, file, remote.server().download(PATH + "?format=" + f));
                return 0;
            }
            String wanted = control == null ? null : normalised(control);
            if (control != null && wanted == null) {
                err.println(Texts.get("cli.catalog.crosswalk.malformed", control));
                return 2;
            }
            JsonNode collection = remote.server().get(PATH + "?format=json");
            if (json) {
                RemoteCommands.json(out, collection);
                return 0;
            }
            int maps = 0;
            List<String> unmapped = new ArrayList<>();
            for (JsonNode mapping : collection.path("mapping-collection").path("mappings")) {
                for (JsonNode m : mapping.path("maps")) {
                    String source = m.path("sources").path(0).path("id-ref").asString();
                    if (wanted != null && !wanted.equals(source)) {
                        continue;
                    }
                    maps++;
                    out.println(Texts.get(
                                    "cli.catalog.crosswalk.map",
                                    display(source),
                                    "",
                                    Texts.get("catalog.crosswalk.relationship."
                                            + m.path("relationship")
                                                    .asString()
                                                    .replace('-', '_')
                                                    .toUpperCase(Locale.ROOT)),
                                    m.path("targets").path(0).path("id-ref").asString(),
                                    Math.round(m.path("confidence-score")
                                                    .path("percentage")
                                                    .asDouble()
                                            * 100))
                            .replace("  ", " "));
                }
                for (JsonNode u : mapping.path("target-gap-summary").path("unmapped-controls")) {
                    u.path("with-ids").forEach(id -> unmapped.add(id.asString()));
                }
            }
            if (wanted != null) {
                if (maps == 0) {
                    err.println(Texts.get("cli.catalog.crosswalk.noMaps", display(wanted)));
                }
                return 0;
            }
            for (String item : unmapped) {
                out.println(Texts.get("cli.catalog.crosswalk.unmapped", item, "—"));
            }
            out.println(Texts.get("cli.catalog.crosswalk.count", maps, unmapped.size()));
            return 0;
        }
    }

    /** {@code AC-6(1)}, {@code ac-6.1} → {@code ac-6.1} (OSCAL's id), null when it is no SP 800-53 control id. */
    static String normalised(String id) {
        var m = java.util.regex.Pattern.compile(
                        "(?i)^\\s*([a-z]{2})-(\\d{1,2})(?:\\((\\d{1,2})\\)|\\.(\\d{1,2}))?\\s*$")
                .matcher(id);
        if (!m.matches()) {
            return null;
        }
        String enhancement = m.group(3) != null ? m.group(3) : m.group(4);
        return m.group(1).toLowerCase(Locale.ROOT) + "-" + Integer.parseInt(m.group(2))
                + (enhancement == null ? "" : "." + Integer.parseInt(enhancement));
    }

    /** {@code ac-6.1} → {@code AC-6(1)}, as the crosswalk page writes a control. */
    static String display(String id) {
        int dot = id.indexOf('.');
        return dot < 0
                ? id.toUpperCase(Locale.ROOT)
                : id.substring(0, dot).toUpperCase(Locale.ROOT) + "(" + id.substring(dot + 1) + ")";
    }
}
