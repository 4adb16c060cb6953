package org.yunjian.assessment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.work.WorkAddressee;

/**
 * Who may do what with one assessment (docs/assessment.md, "Access"). Relations come from the caller's
 * organisation: the assessor organisation (its assigned assessors, or all its users while none are
 * assigned, do the assessing), the system's customer and its provider. Anyone else does not see the
 * assessment at all (404). A system administrator reads the project, its items and scores, but neither
 * records nor reads evidence content.
 */
public record Access(AssessmentInfo assessment, CloudSystem system, CurrentUser user, Set<Relation> relations) {

    /** The role gate of every assessment page and endpoint; {@link Access} then decides per assessment. */
    public static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    /**
     * ASSESSOR = a tester (测评人员): assigned as one, or — while no tester is assigned — any user of the assessor
     * organisation holding no other role on it. REVIEWER (审核人) and APPROVER (批准人) are assigned by name only.
     */
    public enum Relation {
        ADMIN,
        ASSESSOR_ORG,
        ASSESSOR,
        REVIEWER,
        APPROVER,
        CUSTOMER,
        PROVIDER
    }

    public static Set<Relation> relations(AssessmentInfo a, CloudSystem s, CurrentUser u) {
        return relations(a, s.customerId(), s.providerId(), u);
    }

    /** {@link #relations(AssessmentInfo, CloudSystem, CurrentUser)} given only the system's customer and provider. */
    public static Set<Relation> relations(AssessmentInfo a, UUID customerId, UUID providerId, CurrentUser u) {
        Set<Relation> r = EnumSet.noneOf(Relation.class);
        if (u.is(Role.SYSTEM_ADMIN)) {
            r.add(Relation.ADMIN);
            return r;
        }
        if (!u.is(Role.USER) || u.organizationId() == null) {
            return r;
        }
        UUID org = u.organizationId();
        if (org.equals(a.assessorOrgId())) {
            r.add(Relation.ASSESSOR_ORG);
            AssessmentRole role = a.roleOf(u.userId());
            if (role == AssessmentRole.TESTER || (role == null && a.assessors().isEmpty())) {
                r.add(Relation.ASSESSOR);
            } else if (role == AssessmentRole.REVIEWER) {
                r.add(Relation.REVIEWER);
            } else if (role == AssessmentRole.APPROVER) {
                r.add(Relation.APPROVER);
            }
        }
        if (org.equals(customerId)) {
            r.add(Relation.CUSTOMER);
        }
        if (org.equals(providerId)) {
            r.add(Relation.PROVIDER);
        }
        return r;
    }

    /**
     * The people who hold {@link Relation#ASSESSOR} on {@code a} (the rule of {@link #relations}), one addressee
     * each: the assigned testers; while none is assigned, the assessor organisation but its 审核人 (else its 批准人),
     * who does not record.
     */
    public static List<WorkAddressee> testers(AssessmentInfo a) {
        if (!a.assessors().isEmpty()) {
            return a.assessors().stream().map(WorkAddressee::user).toList();
        }
        // no testers named: the assessor organisation, but never who reviews or approves (they do not record)
        List<UUID> signers = new ArrayList<>(a.reviewers());
        signers.addAll(a.approvers());
        return List.of(
                WorkAddressee.organization(a.assessorOrgId(), a.systemId()).except(signers));
    }

    /**
     * "{@link #relations} is not empty" as an SQL condition for set-based views: over {@code a} (a row of
     * assessment) and {@code s} (its system's row, with {@code customer_id} and {@code provider_id}); parameter
     * {@code :accessOrg} goes into {@code params}. {@code FALSE}-equivalent ("1 = 0") when the caller sees none.
     */
    public static String visibleSql(CurrentUser u, String a, String s, java.util.Map<String, Object> params) {
        if (u.is(Role.SYSTEM_ADMIN)) {
            return AccessQueries.ALL;
        }
        if (!u.is(Role.USER) || u.organizationId() == null) {
            return AccessQueries.NONE;
        }
        params.put("accessOrg", u.organizationId());
        return AccessQueries.takesPart(a, s);
    }

    public boolean visible() {
        return !relations.isEmpty();
    }

    /** Records verdicts, observations, interviews, risk levels and moves the status. */
    public boolean mayAssess() {
        return relations.contains(Relation.ASSESSOR);
    }

    public void requireAssessor() {
        if (!mayAssess()) {
            throw new AccessDeniedException("assessment.denied.notAssessor");
        }
    }

    /** Uploads evidence: the assessors, the customer and the provider (for the cloud platform side). */
    public boolean mayUpload() {
        return relations.contains(Relation.ASSESSOR)
                || relations.contains(Relation.CUSTOMER)
                || relations.contains(Relation.PROVIDER);
    }

    private boolean isProviderUser() {
        return relations.contains(Relation.PROVIDER) && !relations.contains(Relation.CUSTOMER);
    }

    /**
     * Reads an evidence file: its own organisation; the customer and the assessor organisation; a provider
     * user only the provider's own files and those shared with the provider — even when the provider
     * assesses itself. Administrators do not read evidence content.
     */
    public boolean mayRead(EvidenceInfo e) {
        if (relations.contains(Relation.ADMIN)) {
            return false;
        }
        if (user.organizationId() != null && user.organizationId().equals(e.ownerOrgId())) {
            return true;
        }
        if (isProviderUser()) {
            return e.sharedWithProvider();
        }
        return relations.contains(Relation.CUSTOMER) || relations.contains(Relation.ASSESSOR_ORG);
    }

    /** Whether the caller may see that the evidence exists (the same rule: unreadable evidence is not listed). */
    public boolean maySee(EvidenceInfo e) {
        return mayRead(e) || relations.contains(Relation.ADMIN);
    }

    /** Shares, unshares or deletes evidence: users of the organisation that uploaded it. */
    public boolean owns(EvidenceInfo e) {
        return user.organizationId() != null && user.organizationId().equals(e.ownerOrgId());
    }

    /** Changes a remediation task: the assessors, the customer, and the responsible organisation (status only). */
    public boolean mayEditRemediation(UUID responsibleOrg) {
        return relations.contains(Relation.ASSESSOR)
                || relations.contains(Relation.CUSTOMER)
                || (user.organizationId() != null && user.organizationId().equals(responsibleOrg));
    }

    /** Plans a remediation task (responsible organisation, due date): the assessors and the customer. */
    public boolean mayPlanRemediation() {
        return relations.contains(Relation.ASSESSOR) || relations.contains(Relation.CUSTOMER);
    }
}
