package org.yunjian.migration.internal;

import static org.yunjian.migration.internal.MigrationDocx.t;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;
import org.yunjian.documents.WordDocuments;
import org.yunjian.migration.Drill;
import org.yunjian.migration.EmergencyPlan;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * 《应急预案与演练记录》 in Chinese: the emergency plans per scenario (responsible organisation, contacts, last review),
 * then each drill with its participants, findings and follow-up tasks, and the standard's words they answer to.
 */
@Component
class DrillDocx {

    private final OpsBasis basis;

    DrillDocx(OpsBasis basis) {
        this.basis = basis;
    }

    byte[] render(DrillService.View v) {
        String system = v.access().system().name();
        try (XWPFDocument doc = WordDocuments.create(Texts.CHINESE);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties()
                    .getCoreProperties()
                    .setTitle(Text.safe(t("lifecycle.ops.drills.doc.title") + " · " + system));
            WordDocuments.headerAndFooter(
                    doc,
                    system + " · " + t("lifecycle.ops.drills.doc.title"),
                    t("lifecycle.ops.doc.footer", WordDocuments.PAGE));
            WordDocuments.title(doc, t("lifecycle.ops.drills.doc.title"), 18);
            WordDocuments.para(doc, t("lifecycle.ops.doc.systemLine", system, Formats.date(v.today())));

            WordDocuments.heading(doc, 1, t("lifecycle.ops.drills.doc.h.plans"));
            if (v.plans().isEmpty()) {
                WordDocuments.para(doc, t("lifecycle.ops.plans.empty"));
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (EmergencyPlan p : v.plans()) {
                    rows.add(List.of(
                            p.scenario(),
                            p.summary(),
                            v.org(p.responsibleOrg()),
                            p.contacts(),
                            p.lastReviewed() == null ? t("lifecycle.ops.never") : Formats.date(p.lastReviewed())));
                }
                WordDocuments.table(
                        doc,
                        List.of(
                                t("lifecycle.ops.eplan.scenario"),
                                t("lifecycle.ops.eplan.summary"),
                                t("lifecycle.ops.eplan.responsibleOrg"),
                                t("lifecycle.ops.eplan.contacts"),
                                t("lifecycle.ops.eplan.lastReviewed")),
                        rows);
            }

            WordDocuments.heading(doc, 1, t("lifecycle.ops.drills.doc.h.drills"));
            if (v.drills().isEmpty()) {
                WordDocuments.para(doc, t("lifecycle.ops.drills.empty"));
            }
            for (Drill d : v.drills()) {
                WordDocuments.heading(doc, 2, t("lifecycle.ops.drill.heading", Formats.date(d.heldOn()), d.scenario()));
                WordDocuments.table(
                        doc,
                        List.of(t("lifecycle.ops.doc.item"), t("lifecycle.ops.doc.content")),
                        List.of(
                                List.of(t("lifecycle.ops.drill.heldOn"), Formats.date(d.heldOn())),
                                List.of(t("lifecycle.ops.drill.scenario"), d.scenario()),
                                List.of(
                                        t("lifecycle.ops.drill.plan"),
                                        d.planId() == null
                                                ? t("lifecycle.ops.none")
                                                : orDash(v.planScenario(d.planId()))),
                                List.of(t("lifecycle.ops.drill.participants"), d.participants()),
                                List.of(t("lifecycle.ops.drill.findings"), d.findings())));
                if (d.tasks().isEmpty()) {
                    WordDocuments.para(doc, t("lifecycle.ops.tasks.empty"));
                } else {
                    List<List<String>> rows = new ArrayList<>();
                    for (Drill.Task task : d.tasks()) {
                        rows.add(List.of(
                                String.valueOf(task.position()),
                                task.description(),
                                v.org(task.ownerOrg()),
                                Formats.date(task.dueOn()),
                                Msg.of(task.status()).text(Texts.CHINESE)
                                        + (task.overdue(v.today()) ? t("lifecycle.ops.task.overdueMark") : "")));
                    }
                    WordDocuments.table(
                            doc,
                            List.of(
                                    t("lifecycle.ops.step.position"),
                                    t("lifecycle.ops.task.description"),
                                    t("lifecycle.ops.task.owner"),
                                    t("lifecycle.ops.task.dueOn"),
                                    t("lifecycle.ops.task.status")),
                            rows);
                }
            }
            MigrationDocx.basis(doc, basis.of(v.access().system(), OpsBasis.Document.DRILLS, Texts.CHINESE));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }
}
