package org.yunjian.evidence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.evidence.EvidenceRequestRepository;
import org.yunjian.evidence.EvidenceRequestSearch;
import org.yunjian.evidence.RequestRecords.RequestLine;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * {@link EvidenceRequestSearch} over {@link EvidenceRequests#sees}: the assessments with lines of the caller's
 * organisation (addressed to it, or sent by it as assessor), each checked with the assessment's {@link Access}.
 */
@Component
class EvidenceRequestLookup implements EvidenceRequestSearch {

    private final AssessmentService assessments;
    private final EvidenceRequestRepository requests;

    EvidenceRequestLookup(AssessmentService assessments, EvidenceRequestRepository requests) {
        this.assessments = assessments;
        this.requests = requests;
    }

    @Override
    @Transactional(readOnly = true)
    public Paged<RequestLine> byTitle(String q, PageRequest page) {
        UUID org = CurrentUser.current()
                .filter(u -> u.is(Role.USER))
                .map(CurrentUser::organizationId)
                .orElse(null);
        if (org == null || q == null || q.isBlank()) {
            return Paged.of(List.of(), page, 0);
        }
        List<UUID> visible = new ArrayList<>();
        List<UUID> assessing = new ArrayList<>();
        for (UUID id : requests.assessmentsWithLinesOf(org)) {
            try {
                Access access = assessments.access(id);
                visible.add(id);
                if (access.relations().contains(Access.Relation.ASSESSOR_ORG)) {
                    assessing.add(id);
                }
            } catch (NotFoundException e) {
                // an assessment the caller no longer sees: none of its lines are found
            }
        }
        return requests.findable(org, visible, assessing, q, page);
    }
}
