package org.yunjian.exitproject.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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
import org.yunjian.exitproject.internal.DeletionService;
import org.yunjian.exitproject.internal.ExitProjectService;
import org.yunjian.exitproject.internal.InventoryService;
import org.yunjian.exitproject.internal.Records;
import org.yunjian.exitproject.internal.VerificationService;
import org.yunjian.exitproject.rest.Dtos.AuthorisationRequest;
import org.yunjian.exitproject.rest.Dtos.CertificateResponse;
import org.yunjian.exitproject.rest.Dtos.ChecklistRequest;
import org.yunjian.exitproject.rest.Dtos.CreateRequest;
import org.yunjian.exitproject.rest.Dtos.DeletionRequest;
import org.yunjian.exitproject.rest.Dtos.DetailResponse;
import org.yunjian.exitproject.rest.Dtos.DisposalRequest;
import org.yunjian.exitproject.rest.Dtos.ItemRequest;
import org.yunjian.exitproject.rest.Dtos.KeyRequest;
import org.yunjian.exitproject.rest.Dtos.PlanRequest;
import org.yunjian.exitproject.rest.Dtos.ProjectResponse;
import org.yunjian.exitproject.rest.Dtos.SanitisationRequest;
import org.yunjian.exitproject.rest.Dtos.TransitionRequest;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.version.ExpectedVersion;

/** REST for exit projects (docs/modules/exitproject.md). */
@RestController
@Tag(name = "exit-projects", description = "退出项目 Exit projects and deletion certificates")
class ExitProjectApi {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    private final ExitProjectService service;
    private final org.yunjian.exitproject.internal.CountersignService countersigning;
    private final org.yunjian.exitproject.ExitClauses clauses;
    private final InventoryService inventory;
    private final VerificationService verification;
    private final DeletionService deletion;

    ExitProjectApi(
            ExitProjectService service,
            org.yunjian.exitproject.internal.CountersignService countersigning,
            org.yunjian.exitproject.ExitClauses clauses,
            InventoryService inventory,
            VerificationService verification,
            DeletionService deletion) {
        this.service = service;
        this.inventory = inventory;
        this.verification = verification;
        this.deletion = deletion;
        this.clauses = clauses;
        this.countersigning = countersigning;
    }

    @GetMapping("/api/exit-projects")
    @PreAuthorize(WHO)
    @Operation(
            summary = "One page of the exit projects of the systems the caller may see, newest first, with the "
                    + "total. Filters: systemId, q (name contains, any case), status; page from 1, size 1-200 (default 50). "
                    + "A bad value is a 400 naming the parameter")
    org.yunjian.shared.paging.Paged<ProjectResponse> list(
            @RequestParam(required = false) UUID systemId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var query = org.yunjian.shared.paging.ListFilters.Query.of(
                q, "status", status, org.yunjian.exitproject.ExitStatus.class, page, size);
        return service.page(systemId, query.text(), query.choice(), query.page())
                .map(ProjectResponse::of);
    }

    @PostMapping("/api/exit-projects")
    @PreAuthorize(WHO)
    @Operation(summary = "Start an exit project (the system's customer); creates the GB/T 31167 9.1 checklist")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ProjectResponse> create(@RequestBody CreateRequest body) {
        var p = service.create(new ExitProjectService.CreateInput(body.name(), body.systemId()));
        return ResponseEntity.created(URI.create("/api/exit-projects/" + p.id()))
                .body(ProjectResponse.of(p));
    }

    @GetMapping("/api/exit-projects/{id}")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The project with its checklist, inventory, verification runs, deletion records and certificate")
    DetailResponse get(@PathVariable UUID id) {
        return DetailResponse.of(service.view(id));
    }

    @PostMapping("/api/exit-projects/{id}/transitions")
    @PreAuthorize(WHO)
    @Operation(summary = "Move the status (customer); an illegal move or unmet precondition is a 409 problem")
    ProjectResponse transition(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody TransitionRequest body) {
        if (body == null || body.to() == null) {
            throw new ValidationException("to", "required");
        }
        return ProjectResponse.of(service.transition(id, body.to(), ExpectedVersion.of(ifMatch, body.version())));
    }

    @PutMapping("/api/exit-projects/{id}/checklist")
    @PreAuthorize(WHO)
    @Operation(summary = "Set a 9.1 checklist item's status and note (customer)")
    Dtos.ExitChecklistItem checklist(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ChecklistRequest body) {
        return Dtos.ExitChecklistItem.of(
                service.updateChecklist(
                        id, body.item(), body.status(), body.note(), ExpectedVersion.of(ifMatch, body.version())),
                clauses);
    }

    @PutMapping("/api/exit-projects/{id}/provider-key")
    @PreAuthorize(WHO)
    @Operation(summary = "Register the provider's SM2 public key (PEM) its manifests are signed with (provider)")
    ProjectResponse providerKey(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody KeyRequest body) {
        return ProjectResponse.of(
                inventory.setProviderKey(id, body.pem(), ExpectedVersion.of(ifMatch, body.version())));
    }

    @PutMapping("/api/exit-projects/{id}/verifier-key")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Register the SM2 public key (PEM) verification reports are signed with: the customer's or a "
                    + "verifier it names (customer)")
    ProjectResponse verifierKey(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody KeyRequest body) {
        return ProjectResponse.of(
                inventory.setVerifierKey(id, body.pem(), ExpectedVersion.of(ifMatch, body.version())));
    }

    @PostMapping(path = "/api/exit-projects/{id}/manifests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "Upload a signed hand-over manifest; refused (400) unless its SM2 signature verifies against "
                    + "the provider's key. Reopens the inventory review")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Records.Entry<Records.Manifest>> manifest(
            @PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        var e = inventory.uploadManifest(
                id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getInputStream());
        return ResponseEntity.status(201).body(e);
    }

    @PostMapping("/api/exit-projects/{id}/items")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Add a non-file inventory item (program code, other data, documents, decryption method, key "
                    + "custody, conversion tool). Reopens the inventory review")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Records.Entry<Records.Item>> item(@PathVariable UUID id, @RequestBody ItemRequest body) {
        return ResponseEntity.status(201).body(inventory.addItem(id, body.toItem()));
    }

    @PostMapping("/api/exit-projects/{id}/inventory-approval")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Approve the hand-over inventory after review (customer, JR/T securities and futures cloud specification 8.1.3 ¶2)")
    ProjectResponse approve(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) Dtos.VersionRequest body) {
        return ProjectResponse.of(
                inventory.approveInventory(id, ExpectedVersion.of(ifMatch, body == null ? null : body.version())));
    }

    @PostMapping(path = "/api/exit-projects/{id}/verification-runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "Record a verification run: the JSON report of 'yunjian exit verify --json' (customer, agents)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Records.Entry<Records.Verification>> verification(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String note)
            throws IOException {
        return ResponseEntity.status(201)
                .body(verification.recordVerification(
                        id,
                        file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getBytes(),
                        note));
    }

    @PostMapping(path = "/api/exit-projects/{id}/storage-checks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Record an object-storage deletion check: the JSON report of 'yunjian exit check-deleted "
                            + "--json' (provider, customer, agents; phase DELETION). Refused (400) unless well-formed and consistent")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Records.Entry<Records.StorageCheck>> storageCheck(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String note)
            throws IOException {
        return ResponseEntity.status(201)
                .body(verification.recordStorageCheck(
                        id,
                        file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getBytes(),
                        note));
    }

    @PostMapping("/api/exit-projects/{id}/deletion-authorisations")
    @PreAuthorize(WHO)
    @Operation(summary = "The customer's written deletion authorisation: signatory, reference, scope, retention period")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Records.Entry<Records.Authorisation>> authorise(
            @PathVariable UUID id, @RequestBody AuthorisationRequest body) {
        return ResponseEntity.status(201).body(deletion.authorise(id, body.toRecord()));
    }

    @PostMapping("/api/exit-projects/{id}/deletion-plans")
    @PreAuthorize(WHO)
    @Operation(summary = "The provider's deletion plan")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Records.Entry<Records.DeletionPlan>> plan(@PathVariable UUID id, @RequestBody PlanRequest body) {
        return ResponseEntity.status(201).body(deletion.plan(id, body.toRecord()));
    }

    @PostMapping("/api/exit-projects/{id}/deletion-records")
    @PreAuthorize(WHO)
    @Operation(summary = "The provider's deletion record; 409 before the authorised retention period ends")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Records.Entry<Records.Deletion>> deletion(@PathVariable UUID id, @RequestBody DeletionRequest body) {
        return ResponseEntity.status(201).body(deletion.recordDeletion(id, body.toRecord()));
    }

    @PostMapping("/api/exit-projects/{id}/sanitisations")
    @PreAuthorize(WHO)
    @Operation(
            summary = "A media sanitisation record (provider); a medium that held sensitive data released for "
                    + "public data is refused with 400 naming GB/T 31167 9.4 3. 6.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Records.Entry<Records.Sanitisation>> sanitisation(
            @PathVariable UUID id, @RequestBody SanitisationRequest body) {
        return ResponseEntity.status(201).body(deletion.recordSanitisation(id, body.toRecord()));
    }

    @PostMapping("/api/exit-projects/{id}/device-disposals")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "A device disposal record (provider, private clouds only, JR/T securities and futures cloud specification 8.2.2)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Records.Entry<Records.Disposal>> disposal(@PathVariable UUID id, @RequestBody DisposalRequest body) {
        return ResponseEntity.status(201).body(deletion.recordDisposal(id, body.toRecord()));
    }

    @PutMapping("/api/exit-projects/{id}/countersign-key")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Register the provider's SM2 public key (PEM) that countersigns the deletion record (provider). "
                            + "Replacing a registered key needs \"replace\": true (else 409) and voids a countersignature made with it")
    Records.Entry<Records.CountersignKey> countersignKey(
            @PathVariable UUID id, @RequestBody Dtos.CountersignKeyRequest body) {
        return countersigning.registerKey(id, body.pem(), Boolean.TRUE.equals(body.replace()));
    }

    @GetMapping("/api/exit-projects/{id}/deletion-record")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The deletion record to countersign, canonical JSON byte for byte (sign the file as it is: "
                    + "'yunjian exit countersign' or any SM3withSM2 tool); 409 while no deletion is recorded")
    ResponseEntity<byte[]> deletionRecord(@PathVariable UUID id) {
        return download(countersigning.recordFile(id), MediaType.APPLICATION_JSON, "deletion-record-" + id + ".json");
    }

    @PostMapping("/api/exit-projects/{id}/countersignature")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "The provider's countersignature (base64 or hex SM2 signature) of the current deletion record "
                            + "(provider); 400 unless it verifies against the registered key, 409 if the record changed since recordSm3")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Records.Entry<Records.Countersignature>> countersign(
            @PathVariable UUID id, @RequestBody Dtos.CountersignatureRequest body) {
        return ResponseEntity.status(201).body(countersigning.countersign(id, body.signature(), body.recordSm3()));
    }

    @PostMapping("/api/exit-projects/{id}/certificate")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Issue the SM2-signed deletion certificate (customer or system administrator); freezes the records")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CertificateResponse> issue(@PathVariable UUID id) {
        return ResponseEntity.status(201).body(CertificateResponse.of(service.issueCertificate(id)));
    }

    @GetMapping("/api/exit-projects/{id}/certificate")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The deletion certificate as signed canonical JSON, byte for byte (docs/deletion-certificate.md)")
    ResponseEntity<byte[]> certificateJson(@PathVariable UUID id) {
        var f = service.certificateJson(id);
        return download(f.content(), MediaType.APPLICATION_JSON, f.name());
    }

    @GetMapping("/api/exit-projects/{id}/certificate.pdf")
    @PreAuthorize(WHO)
    @Operation(summary = "The deletion certificate as PDF for people, with the JSON's SM3 and signature")
    ResponseEntity<byte[]> certificatePdf(@PathVariable UUID id) {
        var f = service.certificatePdf(id);
        return download(f.content(), MediaType.APPLICATION_PDF, f.name());
    }

    @GetMapping("/api/exit-projects/{id}/records/{recordId}/file")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "A stored evidence file, byte for byte as uploaded: a signed manifest (JSON lines), a verification "
                            + "report or an object-storage check (JSON)")
    ResponseEntity<Resource> evidence(@PathVariable UUID id, @PathVariable UUID recordId) {
        var f = service.evidenceFile(id, recordId);
        String name =
                switch (f.kind()) {
                    case MANIFEST -> "manifest-" + recordId + ".jsonl";
                    case VERIFICATION -> "verification-" + recordId + ".json";
                    default -> "storage-check-" + recordId + ".json";
                };
        MediaType type = f.kind() == Records.Kind.MANIFEST
                ? MediaType.parseMediaType("application/x-ndjson")
                : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(f.path()));
    }

    @GetMapping("/api/exit-projects/signing-key")
    @PreAuthorize("permitAll()") // a public key: anyone holding a certificate may check it (SecurityConfig.PUBLIC)
    @Operation(
            summary =
                    "The platform's SM2 public key (PEM) that signs deletion certificates, for offline checks; no login needed")
    ResponseEntity<byte[]> signingKey() {
        return download(
                service.signingKeyPem().getBytes(StandardCharsets.US_ASCII),
                MediaType.parseMediaType("application/x-pem-file"),
                "yunjian-exitproject-signing.pub.pem");
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return download(body, type, new DownloadName(name, name));
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, DownloadName name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, name.contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
