package org.yunjian.migration.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.migration.MigrationRisk;
import org.yunjian.migration.internal.MigrationRisks;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versioned;

/**
 * REST for the risk register of a system's migration plan: the risks the sector guide names (government-website guide
 * 5.2.1 a)–g)), quoted, with the customer's likelihood, impact, treatment and owner. Who may call: as the migration
 * plan; whole-plan readers see the register, the customer assesses.
 */
@RestController
@Tag(name = "lifecycle", description = "生命周期 Lifecycle governance: migration, drills, supervision")
class MigrationRiskApi {

    static final String BASE = MigrationApi.BASE + "/risks";

    private static final MigrationRisks.RiskInput EMPTY = new MigrationRisks.RiskInput(null, null, null, null, null);

    private final MigrationRisks risks;

    MigrationRiskApi(MigrationRisks risks) {
        this.risks = risks;
    }

    /**
     * A risk of the register.
     *
     * @param risk      the catalog item (e.g. GOVWEB-5.2.1-a)
     * @param clause    its clause as the guide numbers it
     * @param text      the guide's text, verbatim
     * @param textShown the text in the caller's language
     * @param level     LOW/MEDIUM/HIGH from likelihood and impact, null while unassessed
     * @param version   the assessment's version (0: not assessed yet)
     */
    record RiskResponse(
            String risk,
            String clause,
            String text,
            String textShown,
            MigrationRisk.Rating likelihood,
            MigrationRisk.Rating impact,
            MigrationRisk.Rating level,
            String levelLabel,
            String treatment,
            UUID ownerOrg,
            String updatedBy,
            Instant updatedAt,
            long version,
            java.time.LocalDate treatedOn,
            String treatedBy,
            boolean awaitingTreatment)
            implements Versioned {
        static RiskResponse of(MigrationRisks.Entry e) {
            MigrationRisk a = e.assessment();
            return new RiskResponse(
                    e.risk().id().value(),
                    ClauseLabel.of(e.risk()).text(),
                    e.risk().text(),
                    e.risk().textIn(Texts.locale()),
                    a.likelihood(),
                    a.impact(),
                    a.level(),
                    a.level() == null
                            ? Msg.of("lifecycle.risk.unassessed").text()
                            : Msg.of(a.level()).text(),
                    a.treatment(),
                    a.ownerOrg(),
                    a.updatedBy(),
                    a.updatedAt(),
                    a.version(),
                    a.treatedOn(),
                    a.treatedBy(),
                    a.awaitsTreatmentBy().isPresent());
        }
    }

    @GetMapping(BASE)
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "The migration plan's risk register (whole-plan readers; others an empty list): each risk "
                    + "the guide names, quoted, with its assessment")
    List<RiskResponse> register(@PathVariable UUID id) {
        return risks.register(id).stream().map(RiskResponse::of).toList();
    }

    /** {@code treatedOn}: the day the treatment was carried out (ISO date); {@code version}: or If-Match. */
    record TreatmentRequest(String treatedOn, Long version) {}

    @PutMapping(BASE + "/{recordId}/treatment")
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary = "Record that an assessed risk's treatment was carried out (customer or the risk's owner "
                    + "organisation): treatedOn, not in the future; the risk then waits on nobody (its to-do entry closes); "
                    + "over the version read (If-Match or version; stale 409, none 428)")
    RiskResponse treat(
            @PathVariable UUID id,
            @PathVariable String recordId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) TreatmentRequest body) {
        risks.treat(
                id,
                recordId,
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()),
                body == null ? null : body.treatedOn());
        return risks.register(id).stream()
                .filter(e -> e.risk().id().value().equals(recordId))
                .findFirst()
                .map(RiskResponse::of)
                .orElseThrow();
    }

    @PutMapping(BASE + "/{recordId}")
    @PreAuthorize(MigrationApi.WHO)
    @Operation(
            summary =
                    "Assess one of the guide's risks (customer): likelihood and impact LOW/MEDIUM/HIGH, "
                            + "treatment, owner organisation (one of the system's); a HIGH risk needs a treatment and an owner (400 "
                            + "naming the field); over the version read (If-Match or version, 0 for the first; stale 409, none 428)")
    RiskResponse assess(
            @PathVariable UUID id,
            @PathVariable String recordId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) MigrationRisks.RiskInput body) {
        MigrationRisks.RiskInput in = body == null ? EMPTY : body;
        risks.assess(id, recordId, ExpectedVersion.of(ifMatch, in.version()), in);
        return risks.register(id).stream()
                .filter(e -> e.risk().id().value().equals(recordId))
                .findFirst()
                .map(RiskResponse::of)
                .orElseThrow();
    }
}
