package org.yunjian.cli.remote;

import static org.yunjian.cli.remote.RemoteCommands.json;
import static org.yunjian.cli.remote.RemoteCommands.label;
import static org.yunjian.cli.remote.RemoteCommands.minute;
import static org.yunjian.cli.remote.RemoteCommands.query;
import static org.yunjian.cli.remote.Table.column;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.yunjian.cli.remote.RemoteCli.Call;
import org.yunjian.cli.remote.RemoteCommands.Group;
import org.yunjian.cli.remote.RemoteCommands.Listing;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code yunjian catalog …} against the server: the standards with their counts, one requirement, the full-text
 * search, an imported catalog's versions, the exports (OSCAL JSON/XML, CSV) and the import of an OSCAL catalog
 * (system administrators), with the offline command's lines and exit codes.
 */
final class RemoteCatalog {

    private RemoteCatalog() {}

    @Command(
            name = "catalog",
            mixinStandardHelpOptions = true,
            description = "cli.catalog.root.description",
            subcommands = {
                CatalogList.class,
                Show.class,
                Search.class,
                Versions.class,
                Export.class,
                Import.class,
                RemoteCrosswalk.Crosswalk.class
            })
    static class Catalog extends Group {}

    static String code(String standard) {
        return URLEncoder.encode(standard, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A requirement id as the API writes it (a string, or an object with its value). */
    static String id(JsonNode node) {
        return Table.text(node.isObject() ? node.path("value") : node);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "cli.catalog.list.description")
    static class CatalogList extends Listing {
        @Override
        String path() {
            return "/api/catalog/standards";
        }

        @Override
        Table table() {
            boolean english = Texts.ENGLISH.equals(Texts.locale());
            return new Table(List.of(
                    column("cli.catalog.list.code", "code"),
                    column("cli.catalog.list.nodes", "nodes"),
                    column("cli.catalog.list.items", "items"),
                    column(
                            "cli.catalog.list.source",
                            r -> Texts.get(
                                    r.path("builtIn").asBoolean()
                                            ? "cli.catalog.list.builtIn"
                                            : "cli.catalog.list.imported")),
                    column(
                            "cli.catalog.list.title",
                            r -> Table.text(
                                    english
                                                    && !r.path("titleEn").isNull()
                                                    && !r.path("titleEn").isMissingNode()
                                            ? r.path("titleEn")
                                            : r.path("title")))));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "cli.catalog.show.description")
    static class Show extends Call {
        @Parameters(index = "0", descriptionKey = "cli.catalog.option.id")
        String id;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            JsonNode r;
            try {
                r = remote.server().get("/api/catalog/requirements/" + code(id));
            } catch (Server.Failure f) {
                if (f.http() == 400 || f.http() == 404) {
                    err.println(
                            Texts.get(f.http() == 400 ? "cli.catalog.show.malformed" : "cli.catalog.show.unknown", id));
                    return f.http() == 400 ? 2 : 1;
                }
                throw f;
            }
            if (json) {
                json(out, r);
                return 0;
            }
            out.println(r.path("id").asString() + "  (" + label("enum.RequirementKind.", r.path("kind")) + ", "
                    + r.path("standard").asString() + " " + Table.text(r.path("clause"))
                    + (r.path("sourceLabel").isNull()
                            ? ""
                            : " " + r.path("sourceLabel").asString()) + ")");
            line(out, "title", r.path("title"));
            line(out, "titleEn", r.path("titleEn"));
            line(out, "text", r.path("text"));
            line(out, "textEn", r.path("textEn"));
            line(out, "phaseInStandard", r.path("phaseInStandard"));
            line(out, "phases", labels("enum.Phase.", r.path("phases")));
            line(out, "roles", labels("enum.PartyRole.", r.path("roles")));
            line(out, "layer", r.path("layer").isNull() ? null : label("enum.Layer.", r.path("layer")));
            line(
                    out,
                    "deploymentModels",
                    r.path("deploymentModels").isEmpty()
                            ? Texts.get("catalog.attr.allModels")
                            : labels("enum.DeploymentModel.", r.path("deploymentModels")));
            line(out, "parent", r.path("parent"));
            line(
                    out,
                    "children",
                    r.path("children").isEmpty()
                            ? null
                            : RemoteCommands.rows(r.path("children")).stream()
                                    .map(RemoteCatalog::id)
                                    .collect(Collectors.joining(", ")));
            boolean english = Texts.ENGLISH.equals(Texts.locale());
            for (JsonNode m : r.path("mappings")) {
                out.println(Texts.get(
                        "cli.catalog.show.mapping",
                        id(m.path("from")),
                        label("enum.Relation.", m.path("relation")),
                        id(m.path("to")),
                        Table.text(english ? m.path("rationale") : m.path("rationaleZh"))));
            }
            return 0;
        }

        private static String labels(String prefix, JsonNode values) {
            return values.isEmpty()
                    ? null
                    : RemoteCommands.rows(values).stream()
                            .map(v -> label(prefix, v))
                            .collect(Collectors.joining(Texts.get("cli.catalog.separator")));
        }

        private static void line(PrintWriter out, String name, JsonNode value) {
            line(out, name, value.isNull() || value.isMissingNode() ? null : value.asString());
        }

        private static void line(PrintWriter out, String name, String value) {
            if (value != null) {
                out.println(Texts.get("cli.catalog.show.line", Texts.get("cli.catalog.show." + name), value));
            }
        }
    }

    /** The hits, most relevant first, and their count; exit 1 when nothing matches (as offline). */
    @Command(name = "search", mixinStandardHelpOptions = true, description = "cli.catalog.search.description")
    static class Search extends Call {
        @Parameters(index = "0", arity = "1..*", descriptionKey = "cli.catalog.option.words")
        List<String> words;

        @Option(names = "--standard", descriptionKey = "cli.catalog.option.standard")
        String standard;

        @Option(names = "--limit", defaultValue = "20", descriptionKey = "cli.catalog.option.limit")
        int limit;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (limit < 1 || limit > 200) {
                throw Server.input("cli.remote.badOption", "--limit", "1-200");
            }
            JsonNode answer = remote.server()
                    .get("/api/catalog/search?size=" + limit + query("q", String.join(" ", words))
                            + query("standard", standard));
            JsonNode hits = answer.path("items");
            if (json) {
                json(out, hits);
            } else {
                for (JsonNode h : hits) {
                    JsonNode r = h.path("requirement");
                    String text = !r.path("text").isNull()
                            ? r.path("text").asString()
                            : !r.path("title").isNull() ? r.path("title").asString() : "";
                    text = text.replace('\n', ' ');
                    out.printf(
                            Locale.ROOT,
                            "%-28s %7.2f  %s%n",
                            r.path("id").asString(),
                            h.path("score").asDouble(),
                            text.length() > 80 ? text.substring(0, 80) + "…" : text);
                }
                out.println(Texts.get(
                        "cli.catalog.search.count", answer.path("total").asLong()));
            }
            return hits.isEmpty() ? 1 : 0;
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true, description = "cli.catalog.versions.description")
    static class Versions extends Call {
        @Option(names = "--standard", required = true, descriptionKey = "cli.catalog.option.versionsStandard")
        String standard;

        @Option(names = "--json", descriptionKey = "cli.remote.option.json")
        boolean json;

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            JsonNode versions;
            try {
                versions = remote.server().get("/api/catalog/standards/" + code(standard) + "/versions");
            } catch (Server.Failure f) {
                if (f.http() == 404) {
                    err.println(Texts.get("cli.catalog.versions.none", standard));
                    return 1;
                }
                throw f;
            }
            if (json) {
                json(out, versions);
                return 0;
            }
            for (JsonNode v : versions) {
                boolean current =
                        v.path("replacedAt").isNull() || v.path("replacedAt").isMissingNode();
                out.println(Texts.get(
                        current ? "cli.catalog.versions.current" : "cli.catalog.versions.earlier",
                        v.path("version").asInt(),
                        v.path("fileName").asString(),
                        minute(v.path("importedAt")),
                        Table.text(v.path("importedBy")),
                        v.path("sha256").asString(),
                        v.path("requirements").asInt(),
                        current ? "" : minute(v.path("replacedAt")),
                        v.path("replacedBy").isNull()
                                ? ""
                                : v.path("replacedBy").asString()));
            }
            return 0;
        }
    }

    /**
     * The export on stdout, or written to {@code --out} (then stderr names the file, its size and SM3, as offline
     * names it there). CSV of every standard at once is offline only: through the server, name {@code --standard}.
     */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "cli.catalog.export.description")
    static class Export extends Call {
        @Option(names = "--format", required = true, descriptionKey = "cli.catalog.option.format")
        String format;

        @Option(names = "--standard", descriptionKey = "cli.catalog.option.exportStandard")
        String standard;

        @Option(names = "--out", descriptionKey = "cli.catalog.option.out")
        Path outFile;

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            String path =
                    switch (format) {
                        case "oscal-json", "oscal-xml", "csv" -> {
                            if (standard == null) {
                                throw Server.input("cli.catalog.export.needsStandard", format);
                            }
                            yield "/api/catalog/standards/" + code(standard)
                                    + (format.equals("csv")
                                            ? "/csv"
                                            : "/oscal?format=" + format.substring("oscal-".length()));
                        }
                        default -> throw Server.input("cli.catalog.export.unknownFormat", format);
                    };
            byte[] content;
            try {
                content = remote.server().download(path);
            } catch (Server.Failure f) {
                if (f.http() == 404) {
                    err.println(Texts.get("cli.catalog.unknownStandard", standard));
                    return 1;
                }
                throw f;
            }
            if (outFile == null) {
                out.print(new String(content, StandardCharsets.UTF_8));
            } else {
                RemoteCommands.written(err, outFile, content);
            }
            return 0;
        }
    }

    /** Uploads the catalog (system administrators); a refused one is one line on stderr, exit 1 (as offline). */
    @Command(name = "import", mixinStandardHelpOptions = true, description = "cli.catalog.import.description")
    static class Import extends Call {
        @Option(names = "--file", required = true, descriptionKey = "cli.catalog.option.file")
        Path file;

        @Option(names = "--code", descriptionKey = "cli.catalog.option.code")
        String code;

        @Option(names = "--replace", descriptionKey = "cli.catalog.option.replace")
        boolean replace;

        @Option(names = "--replaces-version", paramLabel = "N", descriptionKey = "cli.catalog.option.replacesVersion")
        Long replacesVersion;

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            Map<String, String> fields = new LinkedHashMap<>();
            if (code != null) {
                fields.put("code", code);
            }
            if (replace) {
                fields.put("replace", "true");
                if (replacesVersion != null) {
                    fields.put("version", replacesVersion.toString());
                }
            }
            JsonNode s;
            try {
                s = remote.server().upload("/api/catalog/import", file, fields);
            } catch (Server.Failure f) {
                if (f.http() == 400 || f.http() == 409 || f.http() == 428) {
                    err.println(Texts.get("cli.catalog.import.rejected", Server.problem(f.body())));
                    return 1;
                }
                throw f;
            }
            out.println(Texts.get(
                    s.path("version").asInt() > 1 ? "cli.catalog.import.replaced" : "cli.catalog.import.done",
                    s.path("code").asString(),
                    s.path("requirements").asInt(),
                    s.path("format").asString(),
                    s.path("sha256").asString(),
                    s.path("version").asInt()));
            return 0;
        }
    }
}
