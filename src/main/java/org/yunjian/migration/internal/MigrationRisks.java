package org.yunjian.migration.internal;

import static org.yunjian.shared.FieldValues.blank;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.lifecycle.Dates;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanAccesses;
import org.yunjian.lifecycle.PlanTemplate;
import org.yunjian.migration.MigrationRisk;
import org.yunjian.party.CloudSystem;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The risk register of a system's migration plan: the risks the sector guide names (the government-website guide's
 * 5.2.1 a)–g), quoted from the catalog — seeded from the guide, never typed in) with the customer's assessment of each.
 * Whoever sees the whole migration plan reads it; the customer assesses. The rules are {@link MigrationRisk}'s.
 */
@Service
@Transactional
public class MigrationRisks {

    private final PlanAccesses accesses;
    private final MigrationRepository repo;
    private final OpsFields fields;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final MigrationWork work;
    private final Clock clock;

    MigrationRisks(
            PlanAccesses accesses,
            MigrationRepository repo,
            OpsFields fields,
            Catalog catalog,
            ApplicationEventPublisher events,
            MigrationWork work,
            Clock clock) {
        this.accesses = accesses;
        this.repo = repo;
        this.fields = fields;
        this.catalog = catalog;
        this.events = events;
        this.work = work;
        this.clock = clock;
    }

    /** An assessment as typed; {@code version}: the stored assessment's version it replaces, 0 for the first. */
    public record RiskInput(String likelihood, String impact, String treatment, String ownerOrg, Long version) {}

    /**
     * One line of the register.
     *
     * @param risk       the guide's text of the risk, verbatim, with its clause
     * @param assessment the customer's assessment (unassessed: version 0)
     */
    public record Entry(Requirement risk, MigrationRisk assessment) {}

    /**
     * The register as the caller may see it: every risk of the guide for the system, assessed or not, for a caller who
     * sees the whole migration plan; for another organisation of the system, the risks whose treatment it owns (the
     * hand-off of a high risk reaches it); empty for a system whose guide names no risk.
     */
    @Transactional(readOnly = true)
    public List<Entry> register(UUID systemId) {
        PlanAccess a = accesses.of(systemId);
        Map<RequirementId, MigrationRisk> stored =
                repo.risks(systemId).stream().collect(Collectors.toMap(MigrationRisk::risk, Function.identity()));
        return risks(a.system()).stream()
                .map(r -> new Entry(r, stored.getOrDefault(r.id(), MigrationRisk.unassessed(systemId, r.id()))))
                .filter(e -> a.seesWholePlan() || a.is(e.assessment().ownerOrg()))
                .toList();
    }

    /**
     * Records the customer's assessment of one of the guide's risks over the version read ({@code version}; null where
     * the caller acts on the assessment as stored now).
     */
    public MigrationRisk assess(UUID systemId, String riskId, ExpectedVersion version, RiskInput in) {
        PlanAccess a = accesses.of(systemId);
        Requirement risk = risks(a.system()).stream()
                .filter(r -> r.id().value().equals(riskId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("lifecycle-migration-risk", riskId));
        a.requireCustomer();
        FieldErrors errors = new FieldErrors();
        MigrationRisk.Rating likelihood = blank(in.likelihood())
                ? null
                : fields.constant(errors, "likelihood", MigrationRisk.Rating.class, in.likelihood());
        MigrationRisk.Rating impact =
                blank(in.impact()) ? null : fields.constant(errors, "impact", MigrationRisk.Rating.class, in.impact());
        String treatment =
                fields.text(errors, "treatment", in.treatment(), MigrationService.MEDIUM, false, Text.Kind.LINES);
        UUID owner = fields.id(errors, "ownerOrg", in.ownerOrg(), false);
        // a rating refused as unknown keeps its own message: the first problem of a field wins
        MigrationRisk.check(
                errors,
                likelihood,
                impact,
                treatment,
                owner,
                fields.organisations(a.system()).keySet());
        errors.throwIfAny();
        long stored = repo.risks(systemId).stream()
                .filter(r -> r.risk().equals(risk.id()))
                .mapToLong(MigrationRisk::version)
                .findFirst()
                .orElse(0);
        long expected = version == null ? stored : version.value();
        MigrationRisk r = new MigrationRisk(
                systemId,
                risk.id(),
                likelihood,
                impact,
                treatment,
                owner,
                a.user().username(),
                clock.instant(),
                expected + 1);
        repo.saveRisk(r, expected);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.migration.risk",
                "lifecycle-migration-risk",
                systemId,
                Msg.of(
                        "lifecycle.risk.audit",
                        ClauseLabel.of(risk),
                        Msg.of(likelihood),
                        Msg.of(impact),
                        a.system().name())));
        work.publishRisk(a.system(), r); // a high risk with an owner waits on the owner's people
        return r;
    }

    /**
     * Records that the treatment of an assessed risk was carried out on {@code treatedOn} (ISO date, not in the
     * future): the customer or the risk's owner organisation, over the version read. The risk then waits on nobody
     * (its 我的待办 entry closes); a new assessment reopens it.
     */
    public MigrationRisk treat(UUID systemId, String riskId, ExpectedVersion version, String treatedOn) {
        PlanAccess a = accesses.of(systemId);
        Requirement risk = risks(a.system()).stream()
                .filter(r -> r.id().value().equals(riskId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("lifecycle-migration-risk", riskId));
        MigrationRisk stored = repo.risks(systemId).stream()
                .filter(r -> r.risk().equals(risk.id()))
                .findFirst()
                .orElse(MigrationRisk.unassessed(systemId, risk.id()));
        if (!a.seesWholePlan() && !a.is(stored.ownerOrg())) { // as the register shows it
            throw new NotFoundException("lifecycle-migration-risk", riskId);
        }
        if (!(a.isCustomer() || (stored.ownerOrg() != null && a.is(stored.ownerOrg())))) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.risk.denied.treat"));
        }
        FieldErrors errors = new FieldErrors();
        java.time.LocalDate on = Dates.parse(treatedOn, "treatedOn", errors);
        MigrationRisk treated = stored.treatedOn(
                errors,
                on,
                java.time.LocalDate.ofInstant(clock.instant(), org.yunjian.shared.Formats.zone()),
                a.user().username(),
                clock.instant());
        errors.throwIfAny();
        repo.saveRisk(treated, version == null ? stored.version() : version.value());
        events.publishEvent(AuditableEvent.success(
                "lifecycle.migration.riskTreated",
                "lifecycle-migration-risk",
                systemId,
                Msg.of(
                        "lifecycle.risk.audit.treated",
                        ClauseLabel.of(risk),
                        a.system().name(),
                        org.yunjian.shared.Formats.date(on))));
        work.publishRisk(a.system(), treated);
        return treated;
    }

    private List<Requirement> risks(CloudSystem s) {
        return PlanTemplate.risks(catalog, s.industry(), s.deploymentModel());
    }
}
