package org.yunjian.migration.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;
import org.yunjian.documents.WordDocuments;
import org.yunjian.migration.MigrationAcceptance;
import org.yunjian.migration.MigrationCheck;
import org.yunjian.migration.MigrationPlan;
import org.yunjian.migration.MigrationStep;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * 《迁移实施方案》 in Chinese, whatever the reader's language (it is handed to regulators as it is): A4 with official
 * margins, header and page numbers, the steps with owners and windows, the rollback plan and its trigger, the data
 * migration checks with their conclusion, parallel running, the acceptance tests with their evidence (name and
 * SM3), and the standard's words the plan answers to.
 */
@Component
class MigrationDocx {

    private final OpsBasis basis;
    private final PeopleNames people;

    MigrationDocx(OpsBasis basis, PeopleNames people) {
        this.basis = basis;
        this.people = people;
    }

    byte[] render(MigrationService.View v, LocalDate today) {
        String system = v.access().system().name();
        try (XWPFDocument doc = WordDocuments.create(Texts.CHINESE);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties()
                    .getCoreProperties()
                    .setTitle(Text.safe(t("lifecycle.ops.migration.doc.title") + " · " + system));
            WordDocuments.headerAndFooter(
                    doc,
                    system + " · " + t("lifecycle.ops.migration.doc.title"),
                    t("lifecycle.ops.doc.footer", WordDocuments.PAGE));
            WordDocuments.title(doc, t("lifecycle.ops.migration.doc.title"), 18);
            WordDocuments.para(doc, t("lifecycle.ops.doc.systemLine", system, Formats.date(today)));

            WordDocuments.heading(doc, 1, t("lifecycle.ops.migration.doc.h.steps"));
            if (v.steps().isEmpty()) {
                WordDocuments.para(doc, t("lifecycle.ops.migration.steps.empty"));
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (MigrationStep s : v.steps()) {
                    rows.add(List.of(
                            String.valueOf(s.position()),
                            s.description(),
                            v.org(s.ownerOrg()),
                            window(s.windowStart(), s.windowEnd()),
                            Msg.of(s.status()).text(Texts.CHINESE)));
                }
                WordDocuments.table(
                        doc,
                        List.of(
                                t("lifecycle.ops.step.position"),
                                t("lifecycle.ops.step.description"),
                                t("lifecycle.ops.step.owner"),
                                t("lifecycle.ops.step.window"),
                                t("lifecycle.ops.step.status")),
                        rows);
            }

            MigrationPlan p = v.plan();
            WordDocuments.heading(doc, 1, t("lifecycle.ops.migration.doc.h.rollback"));
            WordDocuments.heading(doc, 2, t("lifecycle.ops.plan.rollbackTrigger"));
            WordDocuments.para(doc, orNone(p.rollbackTrigger()));
            WordDocuments.heading(doc, 2, t("lifecycle.ops.plan.rollbackPlan"));
            WordDocuments.para(doc, orNone(p.rollbackPlan()));

            WordDocuments.heading(doc, 1, t("lifecycle.ops.migration.doc.h.checks"));
            if (v.checks().isEmpty()) {
                WordDocuments.para(doc, t("lifecycle.ops.checks.empty"));
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (MigrationCheck c : v.checks()) {
                    rows.add(List.of(
                            c.subject(),
                            Msg.of(c.method()).text(Texts.CHINESE),
                            c.sourceValue(),
                            c.targetValue(),
                            t(c.matches() ? "lifecycle.ops.check.match" : "lifecycle.ops.check.mismatch"),
                            Formats.date(c.checkedOn())));
                }
                WordDocuments.table(
                        doc,
                        List.of(
                                t("lifecycle.ops.check.subject"),
                                t("lifecycle.ops.check.method"),
                                t("lifecycle.ops.check.sourceValue"),
                                t("lifecycle.ops.check.targetValue"),
                                t("lifecycle.ops.check.result"),
                                t("lifecycle.ops.check.checkedOn")),
                        rows);
            }

            WordDocuments.heading(doc, 1, t("lifecycle.ops.migration.doc.h.parallel"));
            WordDocuments.para(
                    doc,
                    p.parallelStart() == null
                            ? t("lifecycle.ops.none")
                            : t(
                                    "lifecycle.ops.plan.parallelPeriod",
                                    Formats.date(p.parallelStart()),
                                    Formats.date(p.parallelEnd())));
            if (p.parallelNotes() != null) {
                WordDocuments.para(doc, p.parallelNotes());
            }

            WordDocuments.heading(doc, 1, t("lifecycle.ops.migration.doc.h.acceptance"));
            if (v.acceptances().isEmpty()) {
                WordDocuments.para(doc, t("lifecycle.ops.acceptance.empty"));
            } else {
                var names = people.displayNames(v.acceptances().stream()
                        .map(MigrationAcceptance::testedBy)
                        .collect(Collectors.toSet()));
                List<List<String>> rows = new ArrayList<>();
                for (MigrationAcceptance a : v.acceptances()) {
                    String files = a.files().isEmpty()
                            ? t("lifecycle.ops.none")
                            : a.files().stream()
                                    .map(f -> t("lifecycle.ops.file.line", f.displayName(), f.sm3()))
                                    .collect(Collectors.joining("\n"));
                    rows.add(List.of(
                            a.test(),
                            Msg.of(a.result()).text(Texts.CHINESE),
                            v.org(a.testerOrg()),
                            names.getOrDefault(a.testedBy(), a.testedBy()),
                            Formats.date(a.testedOn()),
                            a.notes() == null ? "—" : a.notes(),
                            files));
                }
                WordDocuments.table(
                        doc,
                        List.of(
                                t("lifecycle.ops.acceptance.test"),
                                t("lifecycle.ops.acceptance.result"),
                                t("lifecycle.ops.acceptance.testerOrg"),
                                t("lifecycle.ops.acceptance.testedBy"),
                                t("lifecycle.ops.acceptance.testedOn"),
                                t("lifecycle.ops.acceptance.notes"),
                                t("lifecycle.ops.acceptance.files")),
                        rows);
            }
            basis(doc, basis.of(v.access().system(), OpsBasis.Document.MIGRATION, Texts.CHINESE));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void basis(XWPFDocument doc, List<OpsBasis.Quote> quotes) {
        if (quotes.isEmpty()) {
            return;
        }
        WordDocuments.heading(doc, 1, t("lifecycle.ops.doc.h.basis"));
        for (OpsBasis.Quote q : quotes) {
            WordDocuments.para(doc, t("lifecycle.ops.doc.quote", q.standard(), q.ref(), q.original()));
        }
    }

    static String window(Instant start, Instant end) {
        return t("lifecycle.ops.window", Formats.minute(start), Formats.minute(end));
    }

    static String orNone(String s) {
        return s == null ? t("lifecycle.ops.none") : s;
    }

    static String t(String key, Object... args) {
        return Msg.of(key, args).text(Texts.CHINESE);
    }
}
