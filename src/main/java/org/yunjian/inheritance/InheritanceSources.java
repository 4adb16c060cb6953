package org.yunjian.inheritance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Inheritance;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.ExternalConclusion;
import org.yunjian.catalog.PartyRole;
import org.yunjian.inheritance.Inheritances.Source;
import org.yunjian.inheritance.Inheritances.SourceKind;
import org.yunjian.inheritance.internal.InheritanceRowRepository;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Formats;
import org.yunjian.shared.NotFoundException;

/**
 * Finds what an assessment can inherit from (docs/modules/assessment.md, "Inherited items"): the completed
 * assessments of the provider's own platform in Yunjian and the conclusions recorded on the assessment, each with
 * whether its date is inside {@link Inheritance#VALIDITY_MONTHS} today. Callers check access first.
 */
@Component
public class InheritanceSources {

    private final AssessmentReads repo;
    private final AssessmentReads inherited;
    private final InheritanceRowRepository rows;
    private final Parties parties;
    private final Clock clock;

    InheritanceSources(
            AssessmentReads repo,
            AssessmentReads inherited,
            InheritanceRowRepository rows,
            Parties parties,
            Clock clock) {
        this.rows = rows;
        this.repo = repo;
        this.inherited = inherited;
        this.parties = parties;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.zone()));
    }

    /** Yunjian platform assessments first, then the conclusions recorded on the assessment. */
    public List<Source> all(Access access) {
        List<Source> out = new ArrayList<>(platformAssessments(access.system()));
        rows.conclusions(access.assessment().id()).forEach(c -> out.add(of(c)));
        return out;
    }

    /**
     * Completed (COMPLETED / ARCHIVED) assessments of a cloud system whose customer organisation is this system's
     * provider — the provider's own platform — other than this system itself.
     */
    private List<Source> platformAssessments(CloudSystem system) {
        if (system.providerId() == null) {
            return List.of();
        }
        Map<UUID, Boolean> platform = new HashMap<>();
        List<Source> out = new ArrayList<>();
        for (UUID[] row : inherited.completed()) {
            if (row[1].equals(system.id())) {
                continue;
            }
            if (platform.computeIfAbsent(
                    row[1], sys -> parties.rolesOf(system.providerId(), sys).contains(PartyRole.CUSTOMER))) {
                repo.find(row[0]).ifPresent(a -> out.add(of(a)));
            }
        }
        return out;
    }

    Source of(AssessmentInfo a) {
        LocalDate date = a.completedAt().atZone(Formats.zone()).toLocalDate();
        return new Source(
                SourceKind.YUNJIAN,
                a.id(),
                a.name(),
                a.reportNumber(),
                null,
                date,
                null,
                null,
                null,
                Inheritance.fresh(date, today()));
    }

    Source of(ExternalConclusion c) {
        return new Source(
                SourceKind.EXTERNAL,
                c.id(),
                null,
                c.reportNumber(),
                c.assessorName(),
                c.concludedOn(),
                c.verdict(),
                c.riskLevel(),
                c.evidenceId(),
                Inheritance.fresh(c.concludedOn(), today()));
    }

    Optional<Source> resolve(UUID id) {
        return rows.conclusion(id)
                .map(this::of)
                .or(() -> repo.find(id).filter(a -> a.completedAt() != null).map(this::of));
    }

    /** A source this assessment may inherit from, or 404. */
    Source require(Access access, UUID sourceId) {
        if (sourceId == null) {
            throw new ValidationException("source", AssessmentService.REQUIRED);
        }
        Optional<ExternalConclusion> c = rows.conclusion(sourceId)
                .filter(x -> x.assessmentId().equals(access.assessment().id()));
        if (c.isPresent()) {
            return of(c.get());
        }
        return platformAssessments(access.system()).stream()
                .filter(s -> s.id().equals(sourceId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("inheritance source", sourceId));
    }
}
