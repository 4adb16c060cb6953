package org.yunjian.evidence.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.DemoPortal;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.demo.DemoData;
import org.yunjian.evidence.EvidenceRequestRepository;
import org.yunjian.evidence.RequestRecords;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * In demo mode, after the demo assessment (30): the assessor has sent the provider an evidence request with two lines,
 * each for cloud-platform items still open; the provider has answered the first, so its file is evidence of two
 * items, and the second waits. Seeded once (skipped when the assessment already has requests).
 */
@Component
@Order(31)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoEvidenceRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEvidenceRequests.class);

    private final EvidenceRequests requests;
    private final EvidenceRequestRepository requestRepo;
    private final AssessmentReads repo;
    private final DemoPortal portal;
    private final UserAdministration users;
    private final java.time.Clock clock;

    DemoEvidenceRequests(
            EvidenceRequests requests,
            EvidenceRequestRepository requestRepo,
            AssessmentReads repo,
            DemoPortal portal,
            UserAdministration users,
            java.time.Clock clock) {
        this.requests = requests;
        this.requestRepo = requestRepo;
        this.repo = repo;
        this.portal = portal;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AssessmentInfo[] demo = {
            portal.openAssessment()
                    .filter(a -> requestRepo.linesOfAssessment(a.id()).isEmpty())
                    .orElse(null)
        };
        CurrentUser assessor = SeedActor.account(users, DemoData.ASSESSOR_USER).orElse(null);
        CurrentUser provider = SeedActor.account(users, DemoData.PROVIDER_USER).orElse(null);
        if (demo[0] == null || assessor == null || provider == null) {
            return;
        }
        List<TestItem> open = repo.items(demo[0].id()).stream()
                .filter(i -> i.side() == ItemSide.CLOUD_PLATFORM && i.verdict() == null)
                .toList();
        if (open.size() < 3) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(EvidenceRequests.ZONE));
        var sent = new java.util.ArrayList<RequestRecords.RequestLine>();
        SeedActor.run(
                assessor,
                () -> sent.addAll(requests.send(
                        demo[0].id(),
                        List.of(
                                new EvidenceRequests.LineInput(
                                        demo("demo.evidence.line1"),
                                        demo("demo.evidence.line1.description"),
                                        List.of(open.get(0).id(), open.get(1).id()),
                                        today.plusDays(10),
                                        null),
                                new EvidenceRequests.LineInput(
                                        demo("demo.evidence.line2"),
                                        null,
                                        List.of(open.get(2).id()),
                                        today.plusDays(14),
                                        null)))));
        if (sent.isEmpty()) {
            return;
        }
        SeedActor.run(
                provider,
                () -> requests.answer(
                        sent.get(0).id(),
                        ExpectedVersion.exactly(0),
                        demo("demo.evidence.file"),
                        pdf(),
                        today.plusYears(1)));
        log.info("Demo evidence request seeded: {} lines, the first answered", sent.size());
    }

    /** A small but real PDF naming what it stands for. */
    private static byte[] pdf() {
        String text = "Demo: virtualisation isolation statement of the demo cloud platform";
        String stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
                + "4 0 obj << /Length " + stream.length() + " >> stream\n" + stream + "\nendstream endobj\n"
                + "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    private static String demo(String key) {
        return org.yunjian.shared.Msg.of(key).text(org.yunjian.shared.Texts.CHINESE);
    }
}
