package org.yunjian.audit.cli;

import java.io.PrintWriter;
import org.springframework.stereotype.Component;
import org.yunjian.audit.internal.AnchorExport;
import org.yunjian.audit.internal.AuditAnchor;
import org.yunjian.audit.internal.AuditLog;
import org.yunjian.audit.internal.AuditRepository;
import org.yunjian.audit.internal.AuditVerifier;
import org.yunjian.audit.internal.Finding;
import org.yunjian.audit.internal.VerificationReport;
import org.yunjian.cli.CliCommand;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code yunjian audit verify [--json]} and {@code yunjian audit anchor}. */
@Component
@Command(
        name = "audit",
        subcommands = {AuditCommand.VerifyCommand.class, AuditCommand.AnchorCommand.class},
        mixinStandardHelpOptions = true)
class AuditCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true)
    static class VerifyCommand extends YunjianCommand {

        private final AuditVerifier verifier;

        @Option(names = "--json", descriptionKey = "cli.audit.option.json")
        boolean json;

        @Option(names = "--public-key", paramLabel = "FILE", descriptionKey = "cli.audit.option.publicKey")
        java.nio.file.Path publicKey;

        @Option(names = "--anchors", paramLabel = "FILE", descriptionKey = "cli.audit.option.anchors")
        java.nio.file.Path anchors;

        VerifyCommand(AuditVerifier verifier) {
            this.verifier = verifier;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            java.util.Optional<java.security.PublicKey> pinned;
            java.util.Optional<java.util.List<AuditAnchor>> exported;
            try {
                pinned = publicKey == null
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(org.yunjian.crypto.Pem.readPublicKey(
                                java.nio.file.Files.readString(publicKey, java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.io.IOException | RuntimeException e) {
                err.println(Texts.get("audit.cli.bad-public-key", publicKey.toString()));
                return 2;
            }
            // without --anchors: the configured anchor export where it lies outside the key directory
            java.nio.file.Path from =
                    anchors != null ? anchors : verifier.offSiteExport().orElse(null);
            try {
                exported = from == null ? java.util.Optional.empty() : java.util.Optional.of(AnchorExport.read(from));
            } catch (AnchorExport.BadExportException e) {
                err.println(e.getMessage());
                return 2;
            } catch (java.io.UncheckedIOException e) {
                err.println(Texts.get("audit.cli.no-export", from.toString()));
                return 2;
            }
            VerificationReport report = verifier.verify(pinned, exported, java.util.Optional.ofNullable(from));
            if (json) {
                out.println(JsonMapper.builder().build().writeValueAsString(json(report)));
            } else {
                print(report, out);
            }
            return report.ok() ? 0 : 1;
        }

        /**
         * The report for machines: the counts, each finding's code ({@code kind}) and entries, and beside them the
         * texts in the CLI's language ({@code summary}, {@code text}, each finding's {@code message}).
         */
        static java.util.Map<String, Object> json(VerificationReport report) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("ok", report.ok());
            m.put("entries", report.entries());
            m.put("anchors", report.anchors());
            m.put("summary", report.summary().text());
            m.put("text", report.detail().text());
            if (report.uncommitted() != null) {
                m.put("uncommitted", java.util.Map.of("from", report.uncommitted()[0], "to", report.uncommitted()[1]));
            }
            m.put(
                    "findings",
                    report.findings().stream()
                            .map(f -> java.util.Map.of(
                                    "kind", f.kind().name(), "from", f.from(), "to", f.to(), "message", f.text()))
                            .toList());
            m.put("offSite", report.offSite());
            m.put("notes", report.noteTexts());
            return m;
        }

        /**
         * The report in the CLI's language ({@code --lang}, else the OS locale), first problem first; then what it
         * could not rule out (e.g. no off-site anchor copy), one note per line.
         */
        static void print(VerificationReport report, PrintWriter out) {
            result(report, out);
            for (String note : report.noteTexts()) {
                out.println(Texts.get("audit.cli.note", note));
            }
        }

        private static void result(VerificationReport report, PrintWriter out) {
            String uncommitted = report.uncommittedText();
            if (report.ok()) {
                out.println(Texts.get("audit.cli.ok", report.entries(), report.anchors())
                        + (uncommitted == null ? "" : Texts.get("audit.cli.separator") + uncommitted));
                return;
            }
            if (uncommitted != null) {
                out.println(Texts.get("audit.cli.note", uncommitted));
            }
            out.println(Texts.get("audit.cli.failed", report.findings().size(), report.entries(), report.anchors()));
            out.println(Texts.get("audit.cli.first", report.first().text()));
            for (Finding f : report.findings().subList(1, report.findings().size())) {
                out.println(Texts.get("audit.cli.also", f.text()));
            }
        }
    }

    @Command(name = "anchor", mixinStandardHelpOptions = true)
    static class AnchorCommand extends YunjianCommand {

        private final AuditLog auditLog;
        private final AuditRepository repository;

        AnchorCommand(AuditLog auditLog, AuditRepository repository) {
            this.auditLog = auditLog;
            this.repository = repository;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            AuditLog.AnchorResult result = auditLog.anchorNow();
            switch (result) {
                case ANCHORED ->
                    out.println(Texts.get(
                            "audit.cli.anchored",
                            Long.toString(repository
                                    .lastAnchor()
                                    .map(AuditAnchor::seq)
                                    .orElse(0L))));
                case NOTHING_NEW -> out.println(Texts.get("audit.cli.nothingNew"));
                case CHAIN_BROKEN -> out.println(Texts.get("audit.cli.chainBroken"));
            }
            return result == AuditLog.AnchorResult.CHAIN_BROKEN ? 1 : 0;
        }
    }
}
