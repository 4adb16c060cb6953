package org.yunjian.catalog.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.NotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yunjian catalog ...}: list, show, search, export and import the standards catalog. */
@Component
@Command(name = "catalog", description = "The standards catalog: list, show, search, export (OSCAL JSON/XML, CSV), import (OSCAL).",
        mixinStandardHelpOptions = true,
        subcommands = {CatalogCommand.ListStandards.class, CatalogCommand.Show.class, CatalogCommand.Search.class,
                CatalogCommand.Export.class, CatalogCommand.Import.class})
public class CatalogCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "List the standards with their requirement counts.")
    static class ListStandards implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        private final Catalog catalog;

        ListStandards(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-16s  %6s  %6s  %-8s  %s%n", "CODE", "NODES", "ITEMS", "SOURCE", "TITLE");
            for (Standard s : catalog.standards()) {
                int items = catalog.find(RequirementFilter.items().standard(s.code())).size();
                out.printf("%-16s  %6d  %6d  %-8s  %s%n", s.code(), catalog.requirements(s.code()).size(), items,
                        catalog.isBuiltIn(s.code()) ? "built-in" : "imported", s.title());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", description = "Show one requirement: text, English, attributes, children and mappings.")
    static class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "requirement id, e.g. MLPS-L3-8.2.4.7-a")
        String id;
        private final Catalog catalog;

        Show(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!RequirementId.isWellFormed(id)) {
                err.println("not a requirement id: " + id + " (e.g. MLPS-L3-8.2.4.7-a)");
                err.flush();
                return 2;
            }
            Requirement r = catalog.requirement(RequirementId.of(id)).orElse(null);
            if (r == null) {
                err.println("no such requirement: " + id);
                err.flush();
                return 1;
            }
            out.println(r.id() + "  (" + r.kind() + ", " + r.standardCode() + " " + r.clause()
                    + (r.sourceLabel() == null ? "" : " " + r.sourceLabel()) + ")");
            line(out, "title", r.title());
            line(out, "titleEn", r.titleEn());
            line(out, "text", r.text());
            line(out, "textEn", r.textEn());
            line(out, "phaseInStandard", r.phaseInStandard());
            line(out, "phases", r.phases().isEmpty() ? null : r.phases().toString());
            line(out, "roles", r.roles().isEmpty() ? null : r.roles().toString());
            line(out, "layer", r.layer() == null ? null : r.layer().name());
            line(out, "deploymentModels", r.deploymentModels().isEmpty() ? "all" : r.deploymentModels().toString());
            line(out, "parent", r.parent() == null ? null : r.parent().value());
            line(out, "children", r.children().isEmpty() ? null : r.children().toString());
            for (Mapping m : catalog.mappings(r.id())) {
                out.println("mapping: " + m.from() + " " + m.relation() + " " + m.to() + " — " + m.rationale());
            }
            out.flush();
            return 0;
        }

        private static void line(PrintWriter out, String name, String value) {
            if (value != null) {
                out.println(name + ": " + value);
            }
        }
    }

    @Command(name = "search", description = "Full-text search in Chinese or English, most relevant first.")
    static class Search implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", arity = "1..*", description = "search text, e.g. 剩余信息 or residual information")
        java.util.List<String> words;
        @Option(names = "--standard", description = "only this standard")
        String standard;
        @Option(names = "--limit", defaultValue = "20", description = "at most this many hits (default ${DEFAULT-VALUE})")
        int limit;
        private final Catalog catalog;

        Search(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RequirementFilter filter = RequirementFilter.any();
            if (standard != null) {
                if (catalog.standard(standard).isEmpty()) {
                    spec.commandLine().getErr().println("unknown standard: " + standard);
                    spec.commandLine().getErr().flush();
                    return 2;
                }
                filter = filter.standard(standard);
            }
            var hits = catalog.search(String.join(" ", words), filter);
            for (SearchHit h : hits.stream().limit(limit).toList()) {
                Requirement r = h.requirement();
                String text = r.text() != null ? r.text() : r.title() != null ? r.title() : "";
                text = text.replace('\n', ' ');
                out.printf("%-28s %7.2f  %s%n", r.id(), h.score(), text.length() > 80 ? text.substring(0, 80) + "…" : text);
            }
            out.println(hits.size() + " matches");
            out.flush();
            return hits.isEmpty() ? 1 : 0;
        }
    }

    @Command(name = "export", description = "Export a standard (OSCAL JSON/XML) or standards (CSV) to a file or standard output.")
    static class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--format", required = true, description = "oscal-json, oscal-xml or csv")
        String format;
        @Option(names = "--standard", description = "standard code (required for OSCAL; CSV without it exports all)")
        String standard;
        @Option(names = "--out", description = "output file (default: standard output)")
        Path outFile;
        private final CatalogExchange exchange;

        Export(CatalogExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            String text;
            try {
                text = switch (format) {
                    case "oscal-json", "oscal-xml" -> {
                        if (standard == null) {
                            err.println("--standard is required for " + format);
                            err.flush();
                            yield null;
                        }
                        yield exchange.exportOscal(standard, format.equals("oscal-json") ? OscalFormat.JSON : OscalFormat.XML);
                    }
                    case "csv" -> exchange.exportCsv(standard);
                    default -> {
                        err.println("unknown format " + format + " (oscal-json, oscal-xml or csv)");
                        err.flush();
                        yield null;
                    }
                };
            } catch (NotFoundException e) {
                err.println("unknown standard: " + standard);
                err.flush();
                return 1;
            }
            if (text == null) {
                return 2;
            }
            if (outFile == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(text);
                out.flush();
            } else {
                Files.writeString(outFile, text, StandardCharsets.UTF_8);
                err.println("wrote " + outFile);
                err.flush();
            }
            return 0;
        }
    }

    @Command(name = "import", description = "Import an OSCAL catalog (JSON or XML) as a further standard.")
    static class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--file", required = true, description = "the OSCAL catalog")
        Path file;
        @Option(names = "--code", description = "standard code for it (default: derived from the title)")
        String code;
        @Option(names = "--replace", description = "replace an earlier import under the same code")
        boolean replace;
        private final CatalogExchange exchange;

        Import(CatalogExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                var s = exchange.importOscal(file.getFileName().toString(), Files.readAllBytes(file), code, replace);
                out.println("imported " + s.code() + ": " + s.requirements() + " requirements (" + s.format() + ", sha256 " + s.sha256() + ")");
                out.flush();
                return 0;
            } catch (CatalogLoadException e) {
                err.println("rejected, nothing stored: " + e.getMessage());
            } catch (FieldErrors.ValidationException e) {
                err.println("rejected, nothing stored: " + e.errors());
            } catch (org.yunjian.shared.ConflictException e) {
                err.println(e.getMessage());
            }
            err.flush();
            return 1;
        }
    }
}
