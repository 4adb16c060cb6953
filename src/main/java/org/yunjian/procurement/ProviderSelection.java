package org.yunjian.procurement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;

/**
 * The provider selection of a system: candidates (registered provider organisations, or providers named in free text
 * when they are not registered), each judged against the {@link SelectionCriterion criteria} with notes and
 * evidence, and the decision naming the chosen candidate with the reasons.
 *
 * @param judgements candidate → criterion → judgement
 * @param decision   the decision, or null while none is taken
 */
public record ProviderSelection(
        List<Candidate> candidates, Map<UUID, Map<RequirementId, CandidateJudgement>> judgements, Decision decision) {

    public static final int NAME_MAX = 200;
    public static final int NOTE_MAX = 4_000;
    public static final int REASONS_MAX = 10_000;

    public ProviderSelection {
        candidates = List.copyOf(candidates);
        judgements = Map.copyOf(judgements);
    }

    /**
     * A candidate provider.
     *
     * @param organisation the registered organisation (holding the provider role), or null for a provider that is
     *                     not registered
     * @param name         the candidate's name (a registered organisation's as it was when added)
     */
    public record Candidate(UUID id, UUID organisation, String name, int position, String addedBy, Instant addedAt) {}

    public record CandidateJudgement(
            UUID candidate,
            RequirementId criterion,
            Judgement judgement,
            String note,
            String judgedBy,
            Instant judgedAt) {

        /** The judgement a person gives, or every problem with it. */
        public static CandidateJudgement of(
                UUID candidate, RequirementId criterion, String judgement, String note, String by, Instant at) {
            FieldErrors errors = new FieldErrors();
            Judgement j = NeedsAnalysis.parse(errors, "judgement", judgement, Judgement.class);
            String n = NeedsAnalysis.optional(errors, "note", note, NOTE_MAX);
            errors.throwIfAny();
            return new CandidateJudgement(candidate, criterion, j, n, by, at);
        }
    }

    public record Decision(UUID candidate, String reasons, String decidedBy, Instant decidedAt) {}

    public Optional<Candidate> candidate(UUID id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The judgement of a candidate on a criterion; {@link Judgement#UNKNOWN} if none is recorded. */
    public Judgement judgement(UUID candidate, RequirementId criterion) {
        CandidateJudgement j = judgements.getOrDefault(candidate, Map.of()).get(criterion);
        return j == null ? Judgement.UNKNOWN : j.judgement();
    }

    public Optional<CandidateJudgement> recorded(UUID candidate, RequirementId criterion) {
        return Optional.ofNullable(judgements.getOrDefault(candidate, Map.of()).get(criterion));
    }

    /**
     * The decision for {@code candidate} with {@code reasons}: the candidate must be one of this selection's, the
     * reasons given, and the candidate must not be judged as not meeting a mandatory criterion (409 naming it).
     */
    public Decision decide(String candidate, String reasons, List<SelectionCriterion> criteria, String by, Instant at) {
        FieldErrors errors = new FieldErrors();
        UUID id = null;
        if (candidate == null || candidate.isBlank()) {
            errors.add("candidate", "lifecycle.doc.error.required");
        } else {
            try {
                id = UUID.fromString(candidate.strip());
            } catch (IllegalArgumentException e) {
                id = null;
            }
            if (id == null || candidate(id).isEmpty()) {
                errors.add("candidate", "lifecycle.doc.error.unknownCandidate", candidate.strip());
            }
        }
        String r = NeedsAnalysis.required(errors, "reasons", reasons, REASONS_MAX);
        errors.throwIfAny();
        for (SelectionCriterion c : criteria) {
            if (judgement(id, c.id()) == Judgement.DOES_NOT_MEET && c.obligation() == ObligationLevel.MANDATORY) {
                throw new ConflictException(
                        "criterion-not-met",
                        Msg.of(
                                "lifecycle.doc.selection.error.notMet",
                                c.requirement().clause(),
                                c.requirement().text()));
            }
        }
        return new Decision(id, r, by, at);
    }
}
