package org.yunjian.exitproject.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.documents.PdfRenderer;
import org.yunjian.documents.TextRuns;
import org.yunjian.exit.DeletionCertificate;
import org.yunjian.exit.Sensitivity;
import org.yunjian.exit.SignatureStatus;
import org.yunjian.exit.SignedJson;
import org.yunjian.exit.Totals;
import org.yunjian.exitproject.ChecklistStatus;
import org.yunjian.exitproject.DisposalAction;
import org.yunjian.exitproject.ExitClauses;
import org.yunjian.exitproject.NextUse;
import org.yunjian.exitproject.SanitisationMethod;
import org.yunjian.exitproject.internal.Records.CertificateInfo;
import org.yunjian.party.ServiceModel;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * The deletion certificate for people (docs/deletion-certificate.md): a PDF with the same facts as the signed JSON,
 * the JSON's SM3 and its signature, every word from the bundles in the reader's language. The certificate is read
 * into its type ({@link DeletionCertificate#read}); the page is the Thymeleaf template
 * {@code exitproject/certificate-pdf.html} over the {@link Block}s made here, rendered by the documents module.
 */
@Component
class CertificatePdf {

    static final String TEMPLATE = "exitproject/certificate-pdf";

    private final PdfRenderer renderer;
    private final ITemplateEngine templates;
    private final Function<Set<String>, Map<String, String>> displayNames;
    private final ExitClauses clauses;

    @org.springframework.beans.factory.annotation.Autowired
    CertificatePdf(PdfRenderer renderer, ITemplateEngine templates, PeopleNames people, ExitClauses clauses) {
        this(renderer, templates, people::displayNames, clauses);
    }

    /** With display names from {@code displayNames} (user names → display names; tests render without accounts). */
    CertificatePdf(
            PdfRenderer renderer,
            ITemplateEngine templates,
            Function<Set<String>, Map<String, String>> displayNames,
            ExitClauses clauses) {
        this.renderer = renderer;
        this.templates = templates;
        this.displayNames = displayNames;
        this.clauses = clauses;
    }

    /** The PDF in the current request's language. */
    byte[] render(CertificateInfo info) {
        return render(info, Texts.locale());
    }

    /**
     * The certificate for people, every word from the bundles ({@code exitproject.cert.*}) in {@code locale}: people
     * by display name, times in Beijing time to the minute, sizes in KB/MB, coded values by their display names.
     * The signed JSON keeps the stored values (user names, codes); only this rendering translates them.
     */
    byte[] render(CertificateInfo info, Locale locale) {
        DeletionCertificate.Signed signed = DeletionCertificate.read(info.document());
        DeletionCertificate c = signed.certificate();
        Words t = new Words(locale, people(c));
        Context ctx = new Context(locale);
        ctx.setVariable("lang", locale.getLanguage().equals("en") ? "en" : "zh-CN");
        ctx.setVariable("title", t.text("exitproject.cert.title"));
        ctx.setVariable("cells", new Cells());
        ctx.setVariable("blocks", blocks(c, signed.signature(), info, t));
        String system = c.system() == null ? null : c.system().name();
        return renderer.render(
                templates.process(TEMPLATE, ctx),
                new PdfRenderer.Metadata(
                        t.text("exitproject.cert.metaTitle", system),
                        t.person(c.issuer() == null ? null : c.issuer().name()),
                        t.text("exitproject.cert.metaSubject", c.displayNumber())));
    }

    /**
     * One piece of the page, in order: a heading ({@code h2}), a paragraph ({@code p}), a paragraph in small type
     * ({@code mono}), a two-column table of rows ({@code rows}) or a table with a header ({@code table}); a table
     * without rows is the paragraph {@code none}. Cells that hold nothing show "—".
     */
    record Block(String kind, String text, List<String> header, List<List<String>> rows) {

        static Block of(String kind, Object text) {
            return new Block(kind, text == null ? NONE : String.valueOf(text), List.of(), List.of());
        }
    }

    static final String NONE = "—";

    /** Table cells cut into runs a line may not break inside ({@link TextRuns}); the template prints each as a span. */
    static final class Cells {
        public List<TextRuns.Run> of(String text) {
            return TextRuns.of(text);
        }
    }

    /** Builds the blocks of the page. */
    private final class Page {
        final List<Block> blocks = new ArrayList<>();
        final Words t;
        List<List<String>> rows;

        Page(Words t) {
            this.t = t;
        }

        void h2(Object text) {
            blocks.add(Block.of("h2", text));
        }

        void p(Object text) {
            blocks.add(Block.of("p", text));
        }

        void mono(Object text) {
            blocks.add(Block.of("mono", text));
        }

        /** Starts a two-column table; {@link #row} adds to it. */
        void rows() {
            rows = new ArrayList<>();
            blocks.add(new Block("rows", null, List.of(), rows));
        }

        void row(String key, Object value) {
            rows.add(List.of(cell(key), cell(value)));
        }

        <T> void table(List<String> heads, List<T> items, Function<T, List<Object>> cells) {
            if (items.isEmpty()) {
                p(t.text("exitproject.cert.none"));
                return;
            }
            List<List<String>> out = new ArrayList<>();
            for (T item : items) {
                out.add(cells.apply(item).stream().map(Page::cell).toList());
            }
            blocks.add(new Block("table", null, heads.stream().map(Page::cell).toList(), out));
        }

        private static String cell(Object o) {
            return o == null ? NONE : String.valueOf(o);
        }
    }

    private List<Block> blocks(DeletionCertificate c, SignedJson.Signature sig, CertificateInfo info, Words t) {
        Page h = new Page(t);
        h.p(t.text(
                "exitproject.cert.basis",
                clauses.cited(ExitClauses.EXIT),
                clauses.cited(ExitClauses.DATA_LIST),
                clauses.label(ExitClauses.DEVICES)));
        DeletionCertificate.SystemFacts system =
                c.system() == null ? new DeletionCertificate.SystemFacts(null, null, null, null, null) : c.system();
        DeletionCertificate.Parties parts =
                c.parties() == null ? new DeletionCertificate.Parties(null, null, null) : c.parties();
        DeletionCertificate.Issuer issuer =
                c.issuer() == null ? new DeletionCertificate.Issuer(null, null) : c.issuer();
        h.rows();
        h.row(t.text("exitproject.cert.id"), c.displayNumber());
        h.row(
                t.text("exitproject.cert.system"),
                t.text(
                        "exitproject.cert.systemLine",
                        system.name(),
                        t.deployment(system.deploymentModel()),
                        t.service(system.serviceModel()),
                        t.level(system.protectionLevel())));
        h.row(t.text("exitproject.cert.customer"), name(parts.customer()));
        h.row(t.text("exitproject.cert.provider"), name(parts.provider()));
        if (!parts.agents().isEmpty()) {
            h.row(
                    t.text("exitproject.cert.agents"),
                    String.join(
                            t.text("exitproject.cert.separator"),
                            parts.agents().stream()
                                    .map(a -> t.text(
                                            "exitproject.cert.agent",
                                            a.name() == null ? a.id() : a.name(),
                                            t.role(a.role())))
                                    .toList()));
        }
        h.row(t.text("exitproject.cert.scope"), c.scope());
        h.row(t.text("exitproject.cert.issuedAt"), t.time(c.issuedAt()));
        h.row(
                t.text("exitproject.cert.issuer"),
                issuer.organization() != null
                        ? t.text("exitproject.cert.issuerLine", t.person(issuer.name()), name(issuer.organization()))
                        : t.text("exitproject.cert.issuerPlatform", t.person(issuer.name())));

        h.h2(t.text("exitproject.cert.checklist", clauses.cited(ExitClauses.CHECKLIST)));
        h.table(
                List.of(
                        t.text("exitproject.cert.item"),
                        t.text("exitproject.cert.status"),
                        t.text("exitproject.cert.note"),
                        t.text("exitproject.cert.by")),
                c.checklist(),
                m -> Arrays.asList(item(m, t.locale()), t.checklist(m.status()), m.note(), t.person(m.by())));
        DeletionCertificate.InventoryApproval approval = c.inventoryApproval() == null
                ? new DeletionCertificate.InventoryApproval(null, null, null)
                : c.inventoryApproval();
        h.h2(t.text("exitproject.cert.inventory", t.person(approval.approvedBy()), t.time(approval.approvedAt())));
        h.table(
                List.of(
                        t.text("exitproject.cert.manifestFile"),
                        "SM3",
                        t.text("exitproject.cert.files"),
                        t.text("exitproject.cert.size"),
                        t.text("exitproject.cert.sensitiveFiles"),
                        t.text("exitproject.cert.signature")),
                c.manifests(),
                m -> Arrays.asList(
                        m.fileName(),
                        m.fileSm3(),
                        m.files(),
                        t.size(m.bytes()),
                        m.sensitiveFiles(),
                        t.signature(m.signature())));
        h.table(
                List.of(
                        t.text("exitproject.cert.category"), t.text("exitproject.cert.itemName"),
                        t.text("exitproject.cert.note"), t.text("exitproject.cert.sensitivity")),
                c.inventoryItems(),
                m -> Arrays.asList(
                        t.category(m.category()), m.name(), m.description(), t.sensitivity(m.sensitivity())));
        h.h2(t.text("exitproject.cert.verification", clauses.cited(ExitClauses.VERIFICATION)));
        h.table(
                List.of(
                        t.text("exitproject.cert.target"), t.text("exitproject.cert.result"),
                        t.text("exitproject.cert.expected"), t.text("exitproject.cert.ok"),
                        t.text("exitproject.cert.differences"), t.text("exitproject.cert.reportToManifest")),
                c.verificationRuns(),
                m -> {
                    Totals n = m.counts();
                    return Arrays.asList(
                            m.target(),
                            t.text(
                                    Boolean.TRUE.equals(m.clean())
                                            ? "exitproject.cert.passed"
                                            : "exitproject.cert.failed"),
                            n.expected(),
                            n.ok(),
                            n.missing() + " / " + n.extra() + " / " + n.mismatched() + " / " + n.unreadable(),
                            m.reportSm3() + " → " + (m.manifestSm3() == null ? NONE : m.manifestSm3()));
                });
        h.h2(t.text(
                "exitproject.cert.deletion",
                clauses.cited(ExitClauses.RETENTION),
                clauses.label(ExitClauses.AUTHORISATION)));
        h.rows();
        DeletionCertificate.Authorisation auth = c.authorisation();
        h.row(
                t.text("exitproject.cert.authorisation"),
                t.text(
                        "exitproject.cert.authorisationLine",
                        auth.signatory(),
                        auth.authorisedOn(),
                        auth.reference() == null ? NONE : auth.reference()));
        h.row(t.text("exitproject.cert.retainUntil"), auth.retainUntil());
        DeletionCertificate.DeletionPlan plan = c.deletionPlan();
        h.row(t.text("exitproject.cert.plan"), t.text("exitproject.cert.planLine", plan.method(), plan.plannedOn()));
        DeletionCertificate.Deletion del = c.deletion();
        h.row(t.text("exitproject.cert.deletedOn"), del.deletedOn());
        h.row(t.text("exitproject.cert.method"), del.method());
        h.row(t.text("exitproject.cert.backups"), del.backups());
        h.row(t.text("exitproject.cert.operatorWitness"), del.operator() + " / " + del.witness());
        h.row(t.text("exitproject.cert.result"), del.result());
        if (!del.buckets().isEmpty()) {
            h.row(
                    t.text("exitproject.deletion.buckets"),
                    String.join(t.text("exitproject.cert.separator"), del.buckets()));
        }
        if (!c.storageChecks().isEmpty()) {
            h.h2(t.text("exitproject.cert.storage"));
            h.table(
                    List.of(
                            t.text("exitproject.cert.location"),
                            t.text("exitproject.cert.checkedAt"),
                            t.text("exitproject.cert.result"),
                            t.text("exitproject.cert.storageTotals"),
                            t.text("exitproject.cert.reportSm3")),
                    c.storageChecks(),
                    m -> Arrays.asList(
                            m.location(),
                            t.time(m.checkedAt()),
                            Boolean.TRUE.equals(m.empty())
                                    ? t.text("exitproject.cert.empty")
                                    : t.text("exitproject.cert.remaining", m.remaining()),
                            m.count("current") + " / " + m.count("nonCurrent") + " / " + m.count("deleteMarkers")
                                    + " / " + m.count("multipartUploads"),
                            m.reportSm3()));
        }
        h.h2(t.text("exitproject.cert.media", clauses.cited(ExitClauses.MEDIA)));
        h.table(
                List.of(
                        t.text("exitproject.cert.medium"), t.text("exitproject.cert.mediumType"),
                        t.text("exitproject.cert.heldSensitive"), t.text("exitproject.cert.method"),
                        t.text("exitproject.cert.nextUse"), t.text("exitproject.cert.operatorWitness"),
                        t.text("exitproject.cert.date"), t.text("exitproject.cert.result")),
                c.sanitisations(),
                m -> Arrays.asList(
                        m.mediumId(),
                        m.mediumType(),
                        t.text(Boolean.TRUE.equals(m.heldSensitive()) ? "exitproject.cert.yes" : "exitproject.cert.no"),
                        t.method(m.method()),
                        t.nextUse(m.nextUse()),
                        m.operator() + " / " + m.witness(),
                        m.date(),
                        m.result()));
        if (!c.deviceDisposals().isEmpty()) {
            h.h2(t.text("exitproject.cert.devices", clauses.cited(ExitClauses.DEVICES)));
            h.table(
                    List.of(
                            t.text("exitproject.cert.device"),
                            t.text("exitproject.cert.location"),
                            t.text("exitproject.cert.action"),
                            t.text("exitproject.cert.deviceSanitisation"),
                            t.text("exitproject.cert.participants"),
                            t.text("exitproject.cert.residual"),
                            t.text("exitproject.cert.date")),
                    c.deviceDisposals(),
                    m -> Arrays.asList(
                            m.deviceId() + " " + m.deviceType(),
                            m.location(),
                            t.action(m.action()),
                            m.sanitisation(),
                            m.participants(),
                            m.residualCheck(),
                            m.date()));
        }
        countersignature(h, t, c.countersignature());
        h.h2(t.text("exitproject.cert.signatureTitle"));
        h.rows();
        h.row(t.text("exitproject.cert.jsonSm3"), info.sm3());
        h.row(
                t.text("exitproject.cert.algorithm"),
                t.text("exitproject.cert.algorithmLine", sig.algorithm(), sig.userId()));
        h.row(t.text("exitproject.cert.signer"), sig.signer());
        h.mono(t.text("exitproject.cert.signatureValue", String.valueOf(sig.value())));
        h.p(t.text("exitproject.cert.offline"));
        return h.blocks;
    }

    /**
     * The provider's countersignature of the deletion record: the signing organisation, who uploaded it when, the
     * key's fingerprint as registered, the SM3 of the record and the signature; or that the certificate has none.
     */
    private static void countersignature(Page h, Words t, DeletionCertificate.Countersignature cs) {
        h.h2(t.text("exitproject.cert.countersignature"));
        if (cs == null) {
            h.p(t.text("exitproject.cert.counter.none"));
            return;
        }
        h.rows();
        h.row(t.text("exitproject.cert.counter.org"), name(cs.organization()));
        h.row(t.text("exitproject.cert.counter.at"), t.time(cs.signedAt()));
        h.row(
                t.text("exitproject.cert.algorithm"),
                t.text("exitproject.cert.algorithmLine", cs.algorithm(), cs.userId()));
        h.row(t.text("exitproject.cert.counter.key"), cs.keyFingerprint());
        h.row(t.text("exitproject.cert.counter.record"), cs.recordSm3());
        h.mono(t.text("exitproject.cert.counter.value", String.valueOf(cs.value())));
    }

    /** The user names the certificate records, to show each by display name. */
    private Map<String, String> people(DeletionCertificate c) {
        Set<String> names = new HashSet<>();
        names.add(String.valueOf(c.issuer() == null ? null : c.issuer().name()));
        names.add(String.valueOf(
                c.inventoryApproval() == null ? null : c.inventoryApproval().approvedBy()));
        c.checklist().forEach(m -> {
            if (m.by() != null) {
                names.add(m.by());
            }
        });
        return displayNames.apply(names);
    }

    /**
     * A checklist item's clause as {@link ExitClauses} labels its catalog item in the reader's language
     * ({@code 9.1 1.}, under the heading citing GB/T 31167 9.1); an item the catalog does not know shows the label
     * the certificate was signed with.
     */
    private Object item(DeletionCertificate.ChecklistLine m, Locale locale) {
        return clauses.find(m.requirement())
                .<Object>map(r -> ClauseLabel.of(r).text(locale))
                .orElse(m.item());
    }

    private static String name(DeletionCertificate.Organization o) {
        return o == null ? null : o.name() == null ? o.id() : o.name();
    }

    /** The words of one rendering: bundle texts in one language and the display names of the people recorded. */
    private record Words(Locale locale, Map<String, String> names) {

        String text(String key, Object... args) {
            return Texts.render(Msg.of(key, args), locale);
        }

        String person(Object username) {
            return username == null ? null : names.getOrDefault(String.valueOf(username), String.valueOf(username));
        }

        String time(Object iso) {
            return iso == null
                    ? "—"
                    : text("exitproject.cert.beijingTime", Formats.minute(Instant.parse(String.valueOf(iso))));
        }

        String size(Object bytes) {
            return bytes instanceof Number n ? Formats.size(n.longValue()) : String.valueOf(bytes);
        }

        String deployment(Object code) {
            return coded(DeploymentModel.class, code, v -> v.label(locale));
        }

        String service(Object code) {
            return coded(ServiceModel.class, code, v -> v.label(locale));
        }

        String role(Object code) {
            return coded(PartyRole.class, code, v -> v.label(locale));
        }

        String level(Object level) {
            return level instanceof Number n ? text("party.system.level", n.intValue()) : String.valueOf(level);
        }

        String checklist(Object code) {
            return coded(ChecklistStatus.class, code, v -> text("exitproject.checklist.status." + v.name()));
        }

        String method(Object code) {
            return coded(SanitisationMethod.class, code, v -> Msg.of(v).text(locale));
        }

        String signature(Object code) {
            return coded(SignatureStatus.class, code, v -> "SM2 " + Msg.of(v).text(locale));
        }

        String nextUse(Object code) {
            return coded(NextUse.class, code, v -> text("exitproject.nextUse." + v.name()));
        }

        String action(Object code) {
            return coded(DisposalAction.class, code, v -> text("exitproject.action." + v.name()));
        }

        /** The display name of a hand-over category; a category someone typed stays as typed. */
        String category(Object code) {
            String key = "exitproject.category." + code;
            String shown = Texts.source().getMessage(key, null, null, Texts.supported(locale));
            return shown == null ? String.valueOf(code) : shown;
        }

        String sensitivity(Object label) {
            try {
                return text("exitproject.sensitivity."
                        + Sensitivity.parse(String.valueOf(label)).name());
            } catch (IllegalArgumentException e) {
                return String.valueOf(label);
            }
        }

        private static <E extends Enum<E>> String coded(Class<E> type, Object code, Function<E, String> shown) {
            if (code == null) {
                return null;
            }
            try {
                return shown.apply(Enum.valueOf(type, String.valueOf(code)));
            } catch (IllegalArgumentException e) {
                return String.valueOf(code);
            }
        }
    }
}
