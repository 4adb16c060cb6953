package org.yunjian.procurement.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanTemplate;
import org.yunjian.party.CloudSystem;
import org.yunjian.procurement.NeedsAnalysis;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.ExpectedVersion;

/** The needs analysis of a system: read, saved whole by the customer (validated by {@link NeedsAnalysis}), audited. */
@Service
@Transactional
public class NeedsService {

    static final String OBJECT = "lifecycle-needs";

    private final ContractDocumentAccess access;
    private final NeedsRepository repo;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NeedsDocx docx;

    NeedsService(
            ContractDocumentAccess access,
            NeedsRepository repo,
            Catalog catalog,
            ApplicationEventPublisher events,
            Clock clock,
            NeedsDocx docx) {
        this.docx = docx;
        this.access = access;
        this.repo = repo;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A system's needs analysis as the caller sees it.
     *
     * @param analysis       the saved analysis, if any
     * @param planningDuties the guide's planning duties the security requirements may cite
     */
    public record View(PlanAccess access, Optional<NeedsAnalysis> analysis, List<Requirement> planningDuties) {
        public CloudSystem system() {
            return access.system();
        }
    }

    @Transactional(readOnly = true)
    public View view(UUID systemId) {
        PlanAccess a = access.read(systemId);
        return new View(a, repo.find(systemId), planningDuties(a.system()));
    }

    /**
     * Saves the whole analysis (customer); every problem of the input is named at once and nothing is stored then.
     * The first save needs no version; a later one replaces the version the caller read ({@code version}, where 0
     * says "none saved yet"), else 409 (stale) or 428 (none named).
     */
    public View save(UUID systemId, ExpectedVersion version, NeedsAnalysis.Input in) {
        PlanAccess a = access.write(systemId);
        boolean existed = repo.find(systemId).isPresent();
        NeedsAnalysis n = NeedsAnalysis.validate(
                in,
                new LinkedHashSet<>(
                        planningDuties(a.system()).stream().map(Requirement::id).toList()),
                CurrentUser.require().username(),
                clock.instant());
        boolean named = version.ifMatch() != null && !version.ifMatch().isBlank() || version.field() != null;
        repo.save(systemId, n, existed || named ? version.value() : 0);
        events.publishEvent(AuditableEvent.success(
                existed ? "lifecycle.needs.update" : "lifecycle.needs.create",
                OBJECT,
                systemId,
                Msg.of(
                        "lifecycle.doc.needs.audit.save",
                        a.system().name(),
                        Msg.of(n.decision()),
                        n.inventory().size())));
        return view(systemId);
    }

    /** The 需求分析报告 as a Word document; 409 while there is no analysis to print. */
    @Transactional(readOnly = true)
    public ContractDocxExport docx(UUID systemId) {
        View v = view(systemId);
        if (v.analysis().isEmpty()) {
            throw new ConflictException("no-needs-analysis", Msg.of("lifecycle.doc.needs.error.noneYet"));
        }
        return new ContractDocxExport(
                docx.render(v),
                DownloadName.of(
                        "lifecycle.doc.needs.download",
                        "needs-analysis",
                        v.system().name(),
                        null,
                        clock.instant(),
                        "docx"));
    }

    private List<Requirement> planningDuties(CloudSystem s) {
        return PlanTemplate.of(catalog, s.industry(), s.deploymentModel())
                .flatMap(t -> t.stage(Phase.PLANNING))
                .map(st -> st.duties().stream()
                        .map(id -> catalog.requirement(id).orElse(null))
                        .filter(r -> r != null)
                        .toList())
                .orElse(List.of());
    }

    /** The catalog item of a cited duty (for documents). */
    Optional<Requirement> duty(RequirementId id) {
        return catalog.requirement(id);
    }
}
