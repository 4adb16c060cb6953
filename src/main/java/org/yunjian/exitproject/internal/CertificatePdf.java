package org.yunjian.exitproject.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.documents.PdfRenderer;
import org.yunjian.documents.TextRuns;
import org.yunjian.exit.CanonicalJson;
import org.yunjian.exit.Sensitivity;
import org.yunjian.exit.SignatureStatus;
import org.yunjian.exitproject.ChecklistStatus;
import org.yunjian.exitproject.DisposalAction;
import org.yunjian.exitproject.ExitClauses;
import org.yunjian.exitproject.NextUse;
import org.yunjian.exitproject.SanitisationMethod;
import org.yunjian.exitproject.internal.Records.CertificateInfo;
import org.yunjian.party.DeploymentModel;
import org.yunjian.party.PartyRole;
import org.yunjian.party.ServiceModel;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * The deletion certificate for people (docs/deletion-certificate.md): a PDF rendered from the signed JSON with the
 * same facts, the JSON's SM3 and its signature, every word from the bundles in the reader's language.
 */
@Component
class CertificatePdf {

    private final PdfRenderer renderer;
    private final Function<Set<String>, Map<String, String>> displayNames;
    private final ExitClauses clauses;

    @org.springframework.beans.factory.annotation.Autowired
    CertificatePdf(PdfRenderer renderer, PeopleNames people, ExitClauses clauses) {
        this(renderer, people::displayNames, clauses);
    }

    /** With display names from {@code displayNames} (user names → display names; tests render without accounts). */
    CertificatePdf(PdfRenderer renderer, Function<Set<String>, Map<String, String>> displayNames, ExitClauses clauses) {
        this.renderer = renderer;
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
    @SuppressWarnings("unchecked")
    byte[] render(CertificateInfo info, Locale locale) {
        Map<String, Object> doc = CanonicalJson.parseObject(info.document());
        Map<String, Object> c = (Map<String, Object>) doc.get("certificate");
        Map<String, Object> sig = (Map<String, Object>) doc.get("signature");
        Words t = new Words(locale, people(c));
        Html h = new Html(t.text("exitproject.cert.none"));
        h.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>"
                + HtmlUtils.htmlEscape(t.text("exitproject.cert.title"), "UTF-8")
                + "</title><style>@page { size: A4; margin: 18mm 16mm; } body { font-size: 10pt; } h1 { font-size: 18pt; "
                + "text-align: center; } h2 { font-size: 12pt; margin-top: 12pt; border-bottom: 1px solid #999; } "
                + "table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #999; padding: 2pt 4pt; "
                + "vertical-align: top; text-align: left; } th { background: #eee; } .mono { font-size: 8pt; "
                + "word-wrap: break-word; } td.k { width: 28%; background: #f6f6f6; }</style></head><body>");
        h.el("h1", t.text("exitproject.cert.title"));
        h.el("p", t.text("exitproject.cert.basis", clauses.cited(ExitClauses.EXIT), clauses.cited(ExitClauses.DATA_LIST),
                clauses.label(ExitClauses.DEVICES)));
        Map<String, Object> system = (Map<String, Object>) c.get("system");
        Map<String, Object> parts = (Map<String, Object>) c.get("parties");
        Map<String, Object> issuer = (Map<String, Object>) c.get("issuer");
        h.raw("<table>");
        Object number = c.get("number") == null ? c.get("id") : c.get("number");
        h.row(t.text("exitproject.cert.id"), number);
        h.row(t.text("exitproject.cert.system"), t.text("exitproject.cert.systemLine", system.get("name"),
                t.deployment(system.get("deploymentModel")), t.service(system.get("serviceModel")),
                t.level(system.get("protectionLevel"))));
        h.row(t.text("exitproject.cert.customer"), name(parts.get("customer")));
        h.row(t.text("exitproject.cert.provider"), name(parts.get("provider")));
        List<Object> agents = (List<Object>) parts.get("agents");
        if (agents != null && !agents.isEmpty()) {
            h.row(t.text("exitproject.cert.agents"), String.join(t.text("exitproject.cert.separator"), agents.stream()
                    .map(a -> t.text("exitproject.cert.agent", name(a), t.role(((Map<String, Object>) a).get("role"))))
                    .toList()));
        }
        h.row(t.text("exitproject.cert.scope"), c.get("scope"));
        h.row(t.text("exitproject.cert.issuedAt"), t.time(c.get("issuedAt")));
        h.row(t.text("exitproject.cert.issuer"), issuer.get("organization") instanceof Map<?, ?>
                ? t.text("exitproject.cert.issuerLine", t.person(issuer.get("name")), name(issuer.get("organization")))
                : t.text("exitproject.cert.issuerPlatform", t.person(issuer.get("name"))));
        h.raw("</table>");

        h.el("h2", t.text("exitproject.cert.checklist", clauses.cited(ExitClauses.CHECKLIST)));
        h.table(List.of(t.text("exitproject.cert.item"), t.text("exitproject.cert.status"), t.text("exitproject.cert.note"),
                        t.text("exitproject.cert.by")), (List<Object>) c.get("checklist"),
                m -> Arrays.asList(item(m, locale), t.checklist(m.get("status")), m.get("note"), t.person(m.get("by"))));
        Map<String, Object> approval = (Map<String, Object>) c.get("inventoryApproval");
        h.el("h2", t.text("exitproject.cert.inventory", t.person(approval.get("approvedBy")),
                t.time(approval.get("approvedAt"))));
        h.table(List.of(t.text("exitproject.cert.manifestFile"), "SM3", t.text("exitproject.cert.files"),
                        t.text("exitproject.cert.size"), t.text("exitproject.cert.sensitiveFiles"),
                        t.text("exitproject.cert.signature")), (List<Object>) c.get("manifests"),
                m -> Arrays.asList(m.get("fileName"), m.get("fileSm3"), m.get("files"), t.size(m.get("bytes")),
                        m.get("sensitiveFiles"), t.signature(m.get("signature"))));
        h.table(List.of(t.text("exitproject.cert.category"), t.text("exitproject.cert.itemName"),
                        t.text("exitproject.cert.note"), t.text("exitproject.cert.sensitivity")),
                (List<Object>) c.get("inventoryItems"), m -> Arrays.asList(t.category(m.get("category")), m.get("name"),
                        m.get("description"), t.sensitivity(m.get("sensitivity"))));
        h.el("h2", t.text("exitproject.cert.verification", clauses.cited(ExitClauses.VERIFICATION)));
        h.table(List.of(t.text("exitproject.cert.target"), t.text("exitproject.cert.result"),
                        t.text("exitproject.cert.expected"), t.text("exitproject.cert.ok"),
                        t.text("exitproject.cert.differences"), t.text("exitproject.cert.reportToManifest")),
                (List<Object>) c.get("verificationRuns"), m -> {
                    Map<String, Object> n = (Map<String, Object>) m.get("totals");
                    return Arrays.asList(m.get("target"), t.text(Boolean.TRUE.equals(m.get("clean"))
                                    ? "exitproject.cert.passed" : "exitproject.cert.failed"), n.get("expected"), n.get("ok"),
                            n.get("missing") + " / " + n.get("extra") + " / " + (((Number) n.get("sizeMismatch")).longValue()
                                    + ((Number) n.get("hashMismatch")).longValue()) + " / " + n.get("unreadable"),
                            m.get("reportSm3") + " → " + (m.get("manifestSm3") == null ? "—" : m.get("manifestSm3")));
                });
        h.el("h2", t.text("exitproject.cert.deletion", clauses.cited(ExitClauses.RETENTION),
                clauses.label(ExitClauses.AUTHORISATION)));
        h.raw("<table>");
        Map<String, Object> auth = (Map<String, Object>) c.get("authorisation");
        h.row(t.text("exitproject.cert.authorisation"), t.text("exitproject.cert.authorisationLine", auth.get("signatory"),
                auth.get("authorisedOn"), auth.get("reference") == null ? "—" : auth.get("reference")));
        h.row(t.text("exitproject.cert.retainUntil"), auth.get("retainUntil"));
        Map<String, Object> plan = (Map<String, Object>) c.get("deletionPlan");
        h.row(t.text("exitproject.cert.plan"), t.text("exitproject.cert.planLine", plan.get("method"), plan.get("plannedOn")));
        Map<String, Object> del = (Map<String, Object>) c.get("deletion");
        h.row(t.text("exitproject.cert.deletedOn"), del.get("deletedOn"));
        h.row(t.text("exitproject.cert.method"), del.get("method"));
        h.row(t.text("exitproject.cert.backups"), del.get("backups"));
        h.row(t.text("exitproject.cert.operatorWitness"), del.get("operator") + " / " + del.get("witness"));
        h.row(t.text("exitproject.cert.result"), del.get("result"));
        if (del.get("buckets") instanceof List<?> buckets && !buckets.isEmpty()) {
            h.row(t.text("exitproject.deletion.buckets"), String.join(t.text("exitproject.cert.separator"),
                    buckets.stream().map(String::valueOf).toList()));
        }
        h.raw("</table>");
        List<Object> storage = (List<Object>) c.get("storageChecks");
        if (storage != null && !storage.isEmpty()) {
            h.el("h2", t.text("exitproject.cert.storage"));
            h.table(List.of(t.text("exitproject.cert.location"), t.text("exitproject.cert.checkedAt"),
                            t.text("exitproject.cert.result"), t.text("exitproject.cert.storageTotals"),
                            t.text("exitproject.cert.reportSm3")), storage,
                    m -> {
                        Map<String, Object> n = (Map<String, Object>) m.get("totals");
                        return Arrays.asList("s3://" + m.get("bucket") + "/" + m.get("prefix"), t.time(m.get("checkedAt")),
                                Boolean.TRUE.equals(m.get("empty")) ? t.text("exitproject.cert.empty")
                                        : t.text("exitproject.cert.remaining", m.get("remaining")),
                                n.get("current") + " / " + n.get("nonCurrent") + " / " + n.get("deleteMarkers") + " / "
                                        + n.get("multipartUploads"), m.get("reportSm3"));
                    });
        }
        h.el("h2", t.text("exitproject.cert.media", clauses.cited(ExitClauses.MEDIA)));
        h.table(List.of(t.text("exitproject.cert.medium"), t.text("exitproject.cert.mediumType"),
                        t.text("exitproject.cert.heldSensitive"), t.text("exitproject.cert.method"),
                        t.text("exitproject.cert.nextUse"), t.text("exitproject.cert.operatorWitness"),
                        t.text("exitproject.cert.date"), t.text("exitproject.cert.result")),
                (List<Object>) c.get("sanitisations"), m -> Arrays.asList(m.get("mediumId"), m.get("mediumType"),
                        t.text(Boolean.TRUE.equals(m.get("heldSensitive")) ? "exitproject.cert.yes" : "exitproject.cert.no"),
                        t.method(m.get("method")), t.nextUse(m.get("nextUse")), m.get("operator") + " / " + m.get("witness"),
                        m.get("date"), m.get("result")));
        List<Object> disposals = (List<Object>) c.get("deviceDisposals");
        if (!disposals.isEmpty()) {
            h.el("h2", t.text("exitproject.cert.devices", clauses.cited(ExitClauses.DEVICES)));
            h.table(List.of(t.text("exitproject.cert.device"), t.text("exitproject.cert.location"),
                            t.text("exitproject.cert.action"), t.text("exitproject.cert.deviceSanitisation"),
                            t.text("exitproject.cert.participants"), t.text("exitproject.cert.residual"),
                            t.text("exitproject.cert.date")), disposals,
                    m -> Arrays.asList(m.get("deviceId") + " " + m.get("deviceType"), m.get("location"),
                            t.action(m.get("action")), m.get("sanitisation"), m.get("participants"), m.get("residualCheck"),
                            m.get("date")));
        }
        countersignature(h, t, c.get("countersignature"));
        h.el("h2", t.text("exitproject.cert.signatureTitle"));
        h.raw("<table>");
        h.row(t.text("exitproject.cert.jsonSm3"), info.sm3());
        h.row(t.text("exitproject.cert.algorithm"), t.text("exitproject.cert.algorithmLine", sig.get("algorithm"),
                sig.get("userId")));
        h.row(t.text("exitproject.cert.signer"), sig.get("signer"));
        h.raw("</table>");
        h.raw("<p class=\"mono\">" + HtmlUtils.htmlEscape(t.text("exitproject.cert.signatureValue",
                String.valueOf(sig.get("value"))), "UTF-8") + "</p>");
        h.el("p", t.text("exitproject.cert.offline"));
        h.raw("</body></html>");
        return renderer.render(h.toString(), new PdfRenderer.Metadata(t.text("exitproject.cert.metaTitle", system.get("name")),
                t.person(issuer.get("name")), t.text("exitproject.cert.metaSubject",
                c.get("number") == null ? c.get("id") : c.get("number"))));
    }

    /**
     * The provider's countersignature of the deletion record: the signing organisation, who uploaded it when, the
     * key's fingerprint as registered, the SM3 of the record and the signature; or that the certificate has none.
     */
    private static void countersignature(Html h, Words t, Object countersignature) {
        h.el("h2", t.text("exitproject.cert.countersignature"));
        if (!(countersignature instanceof Map<?, ?> cs)) {
            h.el("p", t.text("exitproject.cert.counter.none"));
            return;
        }
        h.raw("<table>");
        h.row(t.text("exitproject.cert.counter.org"), name(cs.get("organization")));
        h.row(t.text("exitproject.cert.counter.at"), t.time(cs.get("signedAt")));
        h.row(t.text("exitproject.cert.algorithm"), t.text("exitproject.cert.algorithmLine", cs.get("algorithm"),
                cs.get("userId")));
        h.row(t.text("exitproject.cert.counter.key"), cs.get("keyFingerprint"));
        h.row(t.text("exitproject.cert.counter.record"), cs.get("recordSm3"));
        h.raw("</table>");
        h.raw("<p class=\"mono\">" + HtmlUtils.htmlEscape(t.text("exitproject.cert.counter.value",
                String.valueOf(cs.get("value"))), "UTF-8") + "</p>");
    }

    /** The user names the certificate records, to show each by display name. */
    @SuppressWarnings("unchecked")
    private Map<String, String> people(Map<String, Object> c) {
        Set<String> names = new HashSet<>();
        names.add(String.valueOf(((Map<String, Object>) c.get("issuer")).get("name")));
        names.add(String.valueOf(((Map<String, Object>) c.get("inventoryApproval")).get("approvedBy")));
        ((List<Object>) c.get("checklist")).forEach(m -> {
            Object by = ((Map<String, Object>) m).get("by");
            if (by != null) {
                names.add(String.valueOf(by));
            }
        });
        return displayNames.apply(names);
    }

    /**
     * A checklist item's clause as {@link ExitClauses} labels its catalog item in the reader's language
     * ({@code 9.1 1.}, under the heading citing GB/T 31167 9.1); an item the catalog does not know shows the label
     * the certificate was signed with.
     */
    private Object item(Map<String, Object> m, Locale locale) {
        Object requirement = m.get("requirement");
        return clauses.find(requirement == null ? null : requirement.toString())
                .<Object>map(r -> ClauseLabel.of(r).text(locale)).orElse(m.get("item"));
    }

    private static Object name(Object o) {
        return o instanceof Map<?, ?> m ? (m.get("name") == null ? m.get("id") : m.get("name")) : o;
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
            return iso == null ? "—" : text("exitproject.cert.beijingTime", Formats.minute(Instant.parse(String.valueOf(iso))));
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
                return text("exitproject.sensitivity." + Sensitivity.parse(String.valueOf(label)).name());
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

    /** A tiny XHTML writer: every text is escaped. */
    private static final class Html {
        private final StringBuilder b = new StringBuilder();
        private final String none;

        Html(String none) {
            this.none = none;
        }

        void raw(String s) {
            b.append(s);
        }

        void el(String tag, Object text) {
            b.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append('>');
        }

        void row(String key, Object value) {
            b.append("<tr><td class=\"k\">").append(cell(key)).append("</td><td>").append(cell(value)).append("</td></tr>");
        }

        @SuppressWarnings("unchecked")
        void table(List<String> heads, List<Object> rows, java.util.function.Function<Map<String, Object>, List<Object>> cells) {
            if (rows.isEmpty()) {
                el("p", none);
                return;
            }
            b.append("<table><tr>");
            heads.forEach(x -> b.append("<th>").append(cell(x)).append("</th>"));
            b.append("</tr>");
            for (Object r : rows) {
                b.append("<tr>");
                for (Object cell : cells.apply((Map<String, Object>) r)) {
                    b.append("<td class=\"cell\">").append(cell(cell)).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</table>");
        }

        /** A table cell's text, escaped, with words, numbers and short terms kept on one line ({@link TextRuns}). */
        private static String cell(Object o) {
            return TextRuns.xhtml(o == null ? "—" : String.valueOf(o));
        }

        private static String esc(Object o) {
            return o == null ? "—" : HtmlUtils.htmlEscape(String.valueOf(o), "UTF-8");
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
