package org.yunjian.responsibility.internal.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.Standard;
import org.yunjian.responsibility.PlatformResults;
import org.yunjian.responsibility.ProviderPackages;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.internal.MatrixAccess;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.exchange.PackageReading.Implementation;
import org.yunjian.responsibility.internal.exchange.PackageReading.Reading;
import org.yunjian.responsibility.internal.exchange.PackageRepository.StoredPackage;
import org.yunjian.responsibility.internal.exchange.SspTree.Node;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;

/**
 * Inheritance packages in and out (issue 60). Out: the provider's leveraged-authorization package of its platform
 * ({@link PackageWriter}), for the system's customer or provider. In: a provider's plan — Yunjian's own package, NIST's
 * leveraged or leveraging examples, any SSP of T/CCIA 004 or NIST SP 800-53 controls — imported by the customer of a
 * system, stored as uploaded and shown with the Chinese duties and items each control lands on and the controls that
 * land nowhere. An import only shows: the matrix changes only through the matrix import, a new draft the parties
 * sign ({@link SspService#importSsp}). Both are audited.
 */
@Service
public class SspPackages implements ProviderPackages {

    static final String OBJECT = "responsibility-ssp-package";

    /** A stored plan's size limit: what its column holds (NIST's examples are 12–23 kB). */
    static final int MAX_BYTES = 1_000_000;

    private final ResponsibilityService matrices;
    private final SspService ssp;
    private final PackageRepository repo;
    private final Catalog catalog;
    private final ForeignControls foreign;
    private final ObjectProvider<PlatformResults> results;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SspPackages(
            ResponsibilityService matrices,
            SspService ssp,
            PackageRepository repo,
            Catalog catalog,
            ForeignControls foreign,
            ObjectProvider<PlatformResults> results,
            ApplicationEventPublisher events,
            Clock clock) {
        this.matrices = matrices;
        this.ssp = ssp;
        this.repo = repo;
        this.catalog = catalog;
        this.foreign = foreign;
        this.results = results;
        this.events = events;
        this.clock = clock;
    }

    /** An imported plan as read now. */
    public record Shown(
            UUID id,
            UUID systemId,
            String fileName,
            OscalFormat format,
            String importedBy,
            Instant importedAt,
            Reading reading) {}

    /**
     * The system's leveraged-authorization package, the current matrix version: for the system's customer or
     * provider (403 for other parties, 404 for a caller who may not see the system). Audited.
     */
    @Transactional(readOnly = true)
    public SspService.Document export(UUID systemId, OscalFormat format) {
        MatrixAccess access = matrices.access(systemId);
        if (!access.mayEdit()) {
            throw new MatrixAccess.EditRefused(Msg.of("responsibility.ssp.package.denied.export"));
        }
        MatrixView v = matrices.current(systemId);
        Standard standard = catalog.standard(PackageReading.DUTIES).orElseThrow();
        Node tree = SspWriter.ssp(v, SignOffSide.PROVIDER, standard);
        PlatformResults r = results.getIfAvailable();
        PackageWriter.of(tree, v.matrix(), r == null ? Optional.empty() : r.of(systemId), catalog);
        String text = format == OscalFormat.JSON ? SspTree.json(tree) : SspTree.xml(tree);
        byte[] content = Text.safe(text).getBytes(StandardCharsets.UTF_8);
        int n = v.version().version();
        events.publishEvent(AuditableEvent.success(
                "responsibility.ssp.package.export",
                ResponsibilityService.OBJECT,
                v.info().id(),
                Msg.of("responsibility.audit.packageExport", n, format.name())));
        DownloadName name = DownloadName.of(
                "responsibility.ssp.package.fileName",
                "oscal-leveraged-package",
                v.access().system().name(),
                "v" + n,
                v.version().createdAt(),
                format.extension());
        return new SspService.Document(content, format, name, n);
    }

    /**
     * A provider's plan imported into the system by its customer (403 for anyone else): refused with a 400 naming
     * every problem when it is not a schema-valid OSCAL SSP; stored as uploaded and audited otherwise. Changes nothing
     * on the matrix.
     */
    @Transactional
    public Shown importPackage(UUID systemId, String fileName, byte[] content) {
        MatrixAccess access = matrices.access(systemId);
        if (!access.isCustomer()) {
            throw new MatrixAccess.EditRefused(Msg.of("responsibility.ssp.package.denied.import"));
        }
        if (content.length > MAX_BYTES) {
            throw new org.yunjian.shared.FieldErrors.ValidationException(
                    "file", "responsibility.ssp.error.tooLarge", MAX_BYTES / 1_000_000);
        }
        SspService.Parsed parsed = ssp.parsed(content);
        Reading reading = PackageReading.read(parsed.ssp(), catalog, foreign);
        String name = Text.fileName(fileName, "oscal-ssp." + parsed.format().extension());
        String title = reading.title() == null || reading.title().isBlank() ? name : reading.title();
        StoredPackage p = new StoredPackage(
                UUID.randomUUID(),
                systemId,
                name,
                parsed.format(),
                title.length() > 1000 ? title.substring(0, 1000) : title,
                new String(content, StandardCharsets.UTF_8),
                access.user().username(),
                access.user().organizationId(),
                clock.instant());
        repo.insert(p);
        events.publishEvent(AuditableEvent.success(
                "responsibility.ssp.package.import",
                OBJECT,
                p.id(),
                Msg.of(
                        "responsibility.audit.packageImport",
                        name,
                        access.system().name(),
                        reading.mapped().size(),
                        reading.unmapped().size())));
        return shown(p, reading);
    }

    /** The system's imported plans, the latest first (whoever sees the whole matrix; 403 for other parties). */
    @Transactional(readOnly = true)
    public List<Shown> list(UUID systemId) {
        requireReader(systemId);
        return repo.bySystem(systemId).stream().map(this::shown).toList();
    }

    /** One imported plan of the system, as read now; 404 when the system has no such plan. */
    @Transactional(readOnly = true)
    public Shown show(UUID systemId, UUID packageId) {
        requireReader(systemId);
        return shown(repo.find(systemId, packageId).orElseThrow(() -> new NotFoundException(OBJECT, packageId)));
    }

    /** The uploaded file, as it was stored. */
    @Transactional(readOnly = true)
    public StoredPackage file(UUID systemId, UUID packageId) {
        requireReader(systemId);
        return repo.find(systemId, packageId).orElseThrow(() -> new NotFoundException(OBJECT, packageId));
    }

    /**
     * Not in a transaction of its own: a reader who is no party of the system (an assessment's reader) gets an empty
     * list, and the refusal must not mark the caller's transaction for rollback.
     */
    @Override
    public List<PackageItem> items(UUID systemId) {
        try {
            if (!matrices.access(systemId).seesWholeMatrix()) {
                return List.of();
            }
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            return List.of(); // an assessment's reader who is no party of the system: nothing to show
        }
        List<PackageItem> out = new ArrayList<>();
        for (StoredPackage p : repo.bySystem(systemId)) {
            Shown s = shown(p);
            for (Implementation i : s.reading().implementations()) {
                Carrier carrier = i.carrier();
                if (carrier == null) {
                    continue;
                }
                for (PackageReading.Target t : i.targets()) {
                    Set<RequirementId> items = new LinkedHashSet<>();
                    items.add(t.item());
                    if (t.duty()) {
                        // the assessment's items the catalog relates the duty to
                        catalog.mappings(t.item()).forEach(mp -> items.add(mp.other(t.item())));
                    }
                    for (RequirementId item : items) {
                        boolean duty =
                                item.equals(t.item()) ? t.duty() : PackageReading.DUTIES.equals(item.standardCode());
                        out.add(new PackageItem(
                                item, duty, carrier, i.controlId(), t.relationship(), p.id(), p.title()));
                    }
                }
            }
        }
        return out;
    }

    /** The matrix's duties the imported plans speak of, by duty id, for the rows of the matrix page. */
    public java.util.Map<String, List<PackageItem>> duties(UUID systemId) {
        java.util.Map<String, List<PackageItem>> out = new java.util.LinkedHashMap<>();
        items(systemId).stream().filter(PackageItem::duty).forEach(p -> out.computeIfAbsent(
                        p.item().value(), k -> new ArrayList<>())
                .add(p));
        return out;
    }

    private void requireReader(UUID systemId) {
        if (!matrices.access(systemId).seesWholeMatrix()) {
            throw new MatrixAccess.EditRefused(Msg.of("responsibility.ssp.package.denied.read"));
        }
    }

    private Shown shown(StoredPackage p) {
        byte[] content = p.content().getBytes(StandardCharsets.UTF_8);
        Node tree = p.format() == OscalFormat.JSON
                ? SspTree.readJson(content, "system-security-plan")
                : SspTree.readXml(content);
        return shown(p, PackageReading.read(tree, catalog, foreign));
    }

    private static Shown shown(StoredPackage p, Reading reading) {
        return new Shown(p.id(), p.systemId(), p.fileName(), p.format(), p.importedBy(), p.importedAt(), reading);
    }
}
