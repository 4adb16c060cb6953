package org.yunjian.migration.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.migration.internal.MigrationService;
import org.yunjian.migration.internal.OpsFileRepository;
import org.yunjian.migration.rest.MigrationDtos.AcceptanceResponse;
import org.yunjian.migration.rest.MigrationDtos.CheckResponse;
import org.yunjian.migration.rest.MigrationDtos.PlanResponse;
import org.yunjian.migration.rest.MigrationDtos.RollbackResponse;
import org.yunjian.migration.rest.MigrationDtos.StepResponse;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * REST for a system's migration plan (《迁移实施方案》). Who may call: system administrators and business users; inside,
 * the system's parties (others 404): the customer changes everything, the provider the steps it owns and records
 * data checks, assessors and the customer record acceptance tests, other organisations read what names them.
 */
@RestController
@Tag(name = "lifecycle", description = "生命周期 Lifecycle governance: migration, drills, supervision")
class MigrationApi {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";
    static final String BASE = "/api/systems/{id}/lifecycle/migration";

    private static final MigrationService.StepInput EMPTY_STEP =
            new MigrationService.StepInput(null, null, null, null, null, null, null);
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final MigrationService service;

    MigrationApi(MigrationService service) {
        this.service = service;
    }

    @GetMapping(BASE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "The migration plan as the caller may see it: rollback plan and parallel running (whole-plan "
                    + "readers only), steps, data migration checks, acceptance tests with their evidence files")
    PlanResponse plan(@PathVariable UUID id) {
        return PlanResponse.of(service.view(id));
    }

    @PutMapping(BASE)
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Set the rollback plan, its trigger and the parallel running period (customer) over the "
                            + "version read (If-Match or version, 0 for the first; stale 409, none 428); 400 naming "
                            + "the field for a rollback plan without trigger, an impossible date or a period ending before it starts")
    RollbackResponse save(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) MigrationService.MigrationPlanInput body) {
        MigrationService.MigrationPlanInput in =
                body == null ? new MigrationService.MigrationPlanInput(null, null, null, null, null, null) : body;
        return RollbackResponse.of(service.savePlan(id, ExpectedVersion.of(ifMatch, in.version()), in));
    }

    @PostMapping(BASE + "/steps")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Add a step (customer): description, owner organisation (one of the system's), planned window "
                            + "(ISO local time in the users' zone or with offset; the end after the start), optional position and status")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<StepResponse> addStep(
            @PathVariable UUID id, @RequestBody(required = false) MigrationService.StepInput body) {
        var s = service.addStep(id, body == null ? EMPTY_STEP : body);
        return ResponseEntity.created(URI.create(BASE.replace("{id}", id.toString()) + "/steps/" + s.id()))
                .body(StepResponse.of(s, service.view(id)));
    }

    @PutMapping(BASE + "/steps/{recordId}")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Change a step: the customer any step, the provider a step it owns (not its owner); over the "
                    + "step's version read (If-Match or version; stale 409, none 428)")
    StepResponse updateStep(
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) MigrationService.StepInput body) {
        MigrationService.StepInput in = body == null ? EMPTY_STEP : body;
        var s = service.updateStep(id, recordId, ExpectedVersion.of(ifMatch, in.version()), in);
        return StepResponse.of(s, service.view(id));
    }

    @PostMapping(BASE + "/checks")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Record a data migration check (customer or provider): what was compared, the method "
                    + "(RECORD_COUNT, HASH, SAMPLE), the source and target values; whether they match is computed")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CheckResponse> addCheck(
            @PathVariable UUID id, @RequestBody(required = false) MigrationService.CheckInput body) {
        var c = service.addCheck(
                id, body == null ? new MigrationService.CheckInput(null, null, null, null, null) : body);
        return ResponseEntity.status(201).body(CheckResponse.of(c));
    }

    @PostMapping(path = BASE + "/acceptance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "Record a security compliance acceptance test (the system's assessor or the customer): "
                    + "test, result PASSED/FAILED, date, notes and evidence files (checked by content, SM3, SM4)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AcceptanceResponse> acceptance(
            @PathVariable UUID id,
            @RequestParam(required = false) String test,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) String testedOn,
            @RequestParam(required = false) String notes,
            @RequestParam(value = "file", required = false) List<MultipartFile> files)
            throws IOException {
        var a = service.recordAcceptance(
                id, new MigrationService.AcceptanceInput(test, result, testedOn, notes), uploads(files));
        return ResponseEntity.status(201).body(AcceptanceResponse.of(a, service.view(id)));
    }

    @GetMapping(BASE + "/files/{recordId}")
    @PreAuthorize(WHO)
    @Operation(summary = "Download an acceptance test's evidence file, verified against its SM3")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID recordId) {
        return download(service.file(id, recordId));
    }

    @GetMapping(BASE + ".docx")
    @PreAuthorize(WHO)
    @Operation(summary = "《迁移实施方案》 as a Word document in Chinese (whole-plan readers; audited export)")
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        MigrationService.Export e = service.docx(id);
        return docx(e.content(), e.name().contentDisposition());
    }

    static List<OpsFileRepository.Upload> uploads(List<MultipartFile> files) throws IOException {
        List<OpsFileRepository.Upload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !f.isEmpty()) {
                    out.add(new OpsFileRepository.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        return out;
    }

    static ResponseEntity<byte[]> download(MigrationService.Download d) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SM3", d.sm3())
                .contentType(MediaType.parseMediaType(d.contentType()))
                .body(d.content());
    }

    static ResponseEntity<byte[]> docx(byte[] content, String disposition) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
