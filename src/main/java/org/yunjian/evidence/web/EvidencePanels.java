package org.yunjian.evidence.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.evidence.EvidenceRequestStatus;
import org.yunjian.evidence.EvidenceRouting;
import org.yunjian.evidence.RequestRecords.RequestLine;
import org.yunjian.evidence.internal.EvidenceLinks;
import org.yunjian.evidence.internal.EvidenceRequests;
import org.yunjian.shared.Msg;

/**
 * What the evidence-request fragments show, as {@code ${@evpanel.…}}: the assessment page and the item page include
 * the fragments of {@code evidence/fragments.html}, which read their data here under the caller's access,
 * so the pages' own controllers need not know about requests.
 */
@Component("evpanel")
public class EvidencePanels {

    private final AssessmentService assessments;
    private final EvidenceRequests requests;
    private final EvidenceLinks links;
    private final ItemLabels labels;

    EvidencePanels(AssessmentService assessments, EvidenceRequests requests, EvidenceLinks links, ItemLabels labels) {
        this.assessments = assessments;
        this.requests = requests;
        this.links = links;
        this.labels = labels;
    }

    /** One line as a row: names, labels and what the reader may do with it. */
    public record LineRow(
            RequestLine line,
            String assessmentName,
            String addressee,
            String party,
            List<ItemRef> items,
            boolean overdue,
            boolean mayAnswer,
            boolean mayDecide,
            boolean mayReaddress,
            String otherParty,
            String evidenceName,
            boolean evidenceReadable,
            String routing) {
        public UUID id() {
            return line.id();
        }

        public String status() {
            return Msg.of(line.status()).text();
        }
    }

    /** An item a line asks for, to link to its page. */
    public record ItemRef(UUID id, String label) {}

    /** The assessment page's section. */
    public record AssessmentPanel(
            UUID assessmentId, List<LineRow> lines, boolean mayRequest, long open, long overdue) {}

    /** The item page's section: the lines asking for this item, and the evidence here with its standing. */
    public record ItemPanel(
            UUID assessmentId,
            UUID itemId,
            List<LineRow> lines,
            Map<UUID, EvidenceLinks.Standing> standing,
            Map<UUID, String> linkable,
            boolean mayLink) {}

    public AssessmentPanel forAssessment(UUID assessmentId) {
        Access access = assessments.access(assessmentId);
        List<LineRow> rows = rows(access, requests.ofAssessment(assessmentId));
        return new AssessmentPanel(
                assessmentId,
                rows,
                access.mayAssess() && access.assessment().status().isOpen(),
                rows.stream().filter(r -> r.line().status().awaitsAnswer()).count(),
                rows.stream().filter(LineRow::overdue).count());
    }

    public ItemPanel forItem(UUID itemId) {
        TestItem item = assessments.item(itemId).item();
        Access access = assessments.access(item.assessmentId());
        List<LineRow> rows = rows(access, requests.ofItem(item.assessmentId(), itemId));
        Map<UUID, EvidenceLinks.Standing> standing = new HashMap<>();
        Map<UUID, String> linkable = new LinkedHashMap<>();
        for (EvidenceLinks.Standing s : links.ofAssessment(item.assessmentId())) {
            standing.put(s.evidence().id(), s);
            if (s.links().stream().noneMatch(l -> l.itemId().equals(itemId))) {
                linkable.put(s.evidence().id(), s.evidence().displayName());
            }
        }
        return new ItemPanel(
                item.assessmentId(),
                itemId,
                rows,
                standing,
                linkable,
                access.mayAssess() && access.assessment().status().isOpen());
    }

    List<LineRow> rows(Access access, List<RequestLine> lines) {
        Map<UUID, TestItem> items = new HashMap<>();
        Map<UUID, EvidenceInfo> files = new HashMap<>();
        if (!lines.isEmpty()) {
            assessments.items(access.assessment().id(), null, null, null).forEach(i -> items.put(i.id(), i));
        }
        if (lines.stream().anyMatch(l -> l.evidenceId() != null)) {
            links.ofAssessment(access.assessment().id())
                    .forEach(s -> files.put(s.evidence().id(), s.evidence()));
        }
        return lines.stream().map(l -> row(access, l, items, files)).toList();
    }

    LineRow row(Access access, RequestLine l, Map<UUID, TestItem> items, Map<UUID, EvidenceInfo> files) {
        LocalDate today = requests.today();
        boolean open = access.assessment().status().isOpen();
        var system = access.system();
        EvidenceRouting.Party party = EvidenceRequests.partyOf(system, l.addresseeOrgId());
        EvidenceRouting.Party other = party == EvidenceRouting.Party.PROVIDER
                ? EvidenceRouting.Party.CUSTOMER
                : EvidenceRouting.Party.PROVIDER;
        boolean canReaddress = open
                && access.mayAssess()
                && l.status() == EvidenceRequestStatus.PENDING
                && (other == EvidenceRouting.Party.CUSTOMER || system.providerId() != null)
                && !(system.providerId() != null && system.providerId().equals(system.customerId()));
        String evidenceName = null;
        boolean readable = false;
        EvidenceInfo file = l.evidenceId() == null ? null : files.get(l.evidenceId());
        if (file != null) {
            evidenceName = file.displayName();
            readable = access.mayRead(file);
        }
        return new LineRow(
                l,
                access.assessment().name(),
                requests.name(l.addresseeOrgId()),
                Msg.of(party).text(),
                l.itemIds().stream()
                        .map(id -> new ItemRef(id, label(items.get(id))))
                        .toList(),
                l.overdue(today),
                open && EvidenceRequests.mayAnswer(access, l),
                open && access.mayAssess() && l.status() == EvidenceRequestStatus.SUBMITTED,
                canReaddress,
                other.name(),
                evidenceName,
                readable,
                Msg.of(l.routing()).text());
    }

    String label(TestItem i) {
        if (i == null) {
            return "—";
        }
        return i.requirementId() + " · " + Msg.of(i.side()).text() + " · " + labels.controlPoint(i);
    }

    /** Options for an item picker: id → label, in item order. */
    public Map<UUID, String> itemOptions(UUID assessmentId) {
        Map<UUID, String> out = new LinkedHashMap<>();
        assessments.items(assessmentId, null, null, null).forEach(i -> out.put(i.id(), label(i)));
        return out;
    }
}
