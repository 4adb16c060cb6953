package org.yunjian.report.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentRole;
import org.yunjian.assessment.Records;
import org.yunjian.review.ReviewSteps;
import org.yunjian.review.Reviews;
import org.yunjian.security.PeopleNames;

/**
 * The sign-off block from the assessment's team and its review history: the testers signed when they last submitted,
 * the 审核人 when they approved the review, the 批准人 when they approved the report — a later send-back or return
 * clears the signatures it undoes, and a signature counts only for the person who holds the role now.
 */
@Component
class TeamSignOffs implements SignOffs {

    private final PeopleNames people;
    private final ReviewSteps reviews;

    TeamSignOffs(PeopleNames people, ReviewSteps reviews) {
        this.people = people;
        this.reviews = reviews;
    }

    @Override
    public SignOffSheet sheet(Records.AssessmentInfo a) {
        List<UUID> ids = new java.util.ArrayList<>(a.assessors());
        a.reviewers().stream().findFirst().ifPresent(ids::add);
        a.approvers().stream().findFirst().ifPresent(ids::add);
        Map<UUID, String> names = people.byIds(ids).values().stream()
                .collect(Collectors.toMap(PeopleNames.Person::id, PeopleNames.Person::displayName));
        Map<AssessmentRole, Reviews.Step> signed = Reviews.signatures(reviews.steps(a.id()));
        Reviews.Step submitted = signed.get(AssessmentRole.TESTER);
        List<Signature> testers = a.assessors().stream()
                .map(id -> new Signature(names.getOrDefault(id, "—"), submitted == null ? null : submitted.at()))
                .toList();
        if (testers.isEmpty() && submitted != null) {
            testers = List.of(new Signature(submitted.actorName(), submitted.at()));
        }
        Function<UUID, Signature> reviewer = id -> signature(names, id, signed.get(AssessmentRole.REVIEWER));
        Function<UUID, Signature> approver = id -> signature(names, id, signed.get(AssessmentRole.APPROVER));
        return new SignOffSheet(
                testers,
                a.reviewers().stream().findFirst().map(reviewer).orElse(null),
                a.approvers().stream().findFirst().map(approver).orElse(null));
    }

    private static Signature signature(Map<UUID, String> names, UUID id, Reviews.Step step) {
        return new Signature(
                names.getOrDefault(id, "—"), step != null && step.actorId().equals(id) ? step.at() : null);
    }
}
