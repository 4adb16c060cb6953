package org.yunjian.catalog.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.catalog.Mapping;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.SearchHit;
import org.yunjian.catalog.Standard;
import org.yunjian.cli.CliCommand;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.PreconditionRequiredException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yunjian catalog ...}: list, show, search, export and import the standards catalog, and list the versions of
 * an imported catalog. Every line a person reads comes from the bundles, in the CLI's language.
 */
@Component
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        subcommands = {
            CatalogCommand.ListStandards.class,
            CatalogCommand.Show.class,
            CatalogCommand.Search.class,
            CatalogCommand.Export.class,
            CatalogCommand.Import.class,
            CatalogCommand.Versions.class,
            CrosswalkCommand.class
        })
public class CatalogCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int fail(PrintWriter err, int code, String key, Object... args) {
        err.println(Texts.get(key, args));
        err.flush();
        return code;
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListStandards extends YunjianCommand {
        private final Catalog catalog;

        ListStandards(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            out.printf(
                    "%-28s  %6s  %6s  %-8s  %s%n",
                    Texts.get("cli.catalog.list.code"),
                    Texts.get("cli.catalog.list.nodes"),
                    Texts.get("cli.catalog.list.items"),
                    Texts.get("cli.catalog.list.source"),
                    Texts.get("cli.catalog.list.title"));
            for (Standard s : catalog.standards()) {
                int items = catalog.find(RequirementFilter.items().standard(s.code()))
                        .size();
                out.printf(
                        "%-28s  %6d  %6d  %-8s  %s%n",
                        s.code(),
                        catalog.requirements(s.code()).size(),
                        items,
                        Texts.get(
                                catalog.isBuiltIn(s.code()) ? "cli.catalog.list.builtIn" : "cli.catalog.list.imported"),
                        s.title());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static class Show extends YunjianCommand {
        @Parameters(index = "0", descriptionKey = "cli.catalog.option.id")
        String id;

        private final Catalog catalog;

        Show(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (!RequirementId.isWellFormed(id)) {
                return fail(err, 2, "cli.catalog.show.malformed", id);
            }
            Requirement r = catalog.requirement(RequirementId.of(id)).orElse(null);
            if (r == null) {
                return fail(err, 1, "cli.catalog.show.unknown", id);
            }
            out.println(r.id() + "  (" + Msg.of(r.kind()).text() + ", " + r.standardCode() + " " + r.clause()
                    + (r.sourceLabel() == null ? "" : " " + r.sourceLabel()) + ")");
            line(out, "title", r.title());
            line(out, "titleEn", r.titleEn());
            line(out, "text", r.text());
            line(out, "textEn", r.textEn());
            line(out, "phaseInStandard", r.phaseInStandard());
            line(out, "phases", labels(r.phases()));
            line(out, "roles", labels(r.roles()));
            line(out, "layer", r.layer() == null ? null : Msg.of(r.layer()).text());
            line(
                    out,
                    "deploymentModels",
                    r.deploymentModels().isEmpty()
                            ? Texts.get("catalog.attr.allModels")
                            : labels(r.deploymentModels()));
            if (r.derivedFromLeadIn()) {
                line(out, "leadIn", Texts.get("catalog.leadIn"));
            }
            line(out, "parent", r.parent() == null ? null : r.parent().value());
            line(
                    out,
                    "children",
                    r.children().isEmpty()
                            ? null
                            : r.children().stream().map(RequirementId::value).collect(Collectors.joining(", ")));
            for (Mapping m : catalog.mappings(r.id())) {
                out.println(Texts.get(
                        "cli.catalog.show.mapping",
                        m.from(),
                        Msg.of(m.relation()).text(),
                        m.to(),
                        m.rationale(org.yunjian.shared.Texts.locale())));
            }
            return 0;
        }

        private static String labels(Set<? extends Enum<?>> values) {
            return values.isEmpty()
                    ? null
                    : values.stream()
                            .sorted()
                            .map(v -> Msg.of(v).text())
                            .collect(Collectors.joining(Texts.get("cli.catalog.separator")));
        }

        private static void line(PrintWriter out, String name, String value) {
            if (value != null) {
                out.println(Texts.get("cli.catalog.show.line", Texts.get("cli.catalog.show." + name), value));
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true)
    static class Search extends YunjianCommand {
        @Parameters(index = "0", arity = "1..*", descriptionKey = "cli.catalog.option.words")
        List<String> words;

        @Option(names = "--standard", descriptionKey = "cli.catalog.option.standard")
        String standard;

        @Option(names = "--limit", defaultValue = "20", descriptionKey = "cli.catalog.option.limit")
        int limit;

        private final Catalog catalog;

        Search(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            RequirementFilter filter = RequirementFilter.any();
            if (standard != null) {
                if (catalog.standard(standard).isEmpty()) {
                    return fail(err, 2, "cli.catalog.unknownStandard", standard);
                }
                filter = filter.standard(standard);
            }
            var hits = catalog.search(String.join(" ", words), filter);
            for (SearchHit h : hits.stream().limit(limit).toList()) {
                Requirement r = h.requirement();
                String text = r.text() != null ? r.text() : r.title() != null ? r.title() : "";
                text = text.replace('\n', ' ');
                out.printf(
                        "%-28s %7.2f  %s%n",
                        r.id(), h.score(), text.length() > 80 ? text.substring(0, 80) + "…" : text);
            }
            out.println(Texts.get("cli.catalog.search.count", hits.size()));
            return hits.isEmpty() ? 1 : 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static class Export extends YunjianCommand {
        @Option(names = "--format", required = true, descriptionKey = "cli.catalog.option.format")
        String format;

        @Option(names = "--standard", descriptionKey = "cli.catalog.option.exportStandard")
        String standard;

        @Option(names = "--out", descriptionKey = "cli.catalog.option.out")
        Path outFile;

        private final CatalogExchange exchange;

        Export(CatalogExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            String text;
            try {
                switch (format) {
                    case "oscal-json", "oscal-xml" -> {
                        if (standard == null) {
                            return fail(err, 2, "cli.catalog.export.needsStandard", format);
                        }
                        text = exchange.exportOscal(
                                standard, format.equals("oscal-json") ? OscalFormat.JSON : OscalFormat.XML);
                    }
                    case "csv" -> text = exchange.exportCsv(standard);
                    default -> {
                        return fail(err, 2, "cli.catalog.export.unknownFormat", format);
                    }
                }
            } catch (NotFoundException e) {
                return fail(err, 1, "cli.catalog.unknownStandard", standard);
            }
            if (outFile == null) {
                out.print(text);
            } else {
                Files.writeString(outFile, text, StandardCharsets.UTF_8);
                err.println(Texts.get("cli.catalog.export.wrote", outFile));
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static class Import extends YunjianCommand {
        @Option(names = "--file", required = true, descriptionKey = "cli.catalog.option.file")
        Path file;

        @Option(names = "--code", descriptionKey = "cli.catalog.option.code")
        String code;

        @Option(names = "--replace", descriptionKey = "cli.catalog.option.replace")
        boolean replace;

        @Option(names = "--replaces-version", paramLabel = "N", descriptionKey = "cli.catalog.option.replacesVersion")
        Long replacesVersion;

        private final CatalogExchange exchange;

        Import(CatalogExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            try {
                var s = exchange.importOscal(
                        file.getFileName().toString(),
                        Files.readAllBytes(file),
                        code,
                        replace ? ExpectedVersion.of(null, replacesVersion) : null);
                out.println(Texts.get(
                        s.version() > 1 ? "cli.catalog.import.replaced" : "cli.catalog.import.done",
                        s.code(),
                        s.requirements(),
                        s.format().name(),
                        s.sha256(),
                        s.version()));
                s.notices().forEach(out::println);
                return 0;
            } catch (CatalogLoadException | ConflictException | PreconditionRequiredException e) {
                return fail(err, 1, "cli.catalog.import.rejected", e.getMessage());
            } catch (FieldErrors.ValidationException e) {
                return fail(
                        err,
                        1,
                        "cli.catalog.import.rejected",
                        e.errors().entrySet().stream()
                                .map(x -> x.getKey() + ": " + x.getValue())
                                .collect(Collectors.joining("; ")));
            }
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true)
    static class Versions extends YunjianCommand {
        @Option(names = "--standard", required = true, descriptionKey = "cli.catalog.option.versionsStandard")
        String standard;

        private final CatalogExchange exchange;

        Versions(CatalogExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            try {
                for (CatalogExchange.ImportVersion v : exchange.versions(standard)) {
                    out.println(Texts.get(
                            v.current() ? "cli.catalog.versions.current" : "cli.catalog.versions.earlier",
                            v.version(),
                            v.fileName(),
                            Formats.minute(v.importedAt()),
                            v.importedBy(),
                            v.sha256(),
                            v.requirements(),
                            v.replacedAt() == null ? "" : Formats.minute(v.replacedAt()),
                            v.replacedBy() == null ? "" : v.replacedBy()));
                }
                return 0;
            } catch (NotFoundException e) {
                return fail(err, 1, "cli.catalog.versions.none", standard);
            }
        }
    }
}
