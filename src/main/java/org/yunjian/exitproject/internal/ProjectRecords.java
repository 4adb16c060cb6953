package org.yunjian.exitproject.internal;

import static org.yunjian.shared.FieldValues.blank;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.exitproject.ExitClauses;
import org.yunjian.exitproject.ExitProject;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.exitproject.internal.Records.Kind;
import org.yunjian.exitproject.internal.Records.ProjectInfo;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place an exit project is read with the caller's access and locked for a change: the sub-processes
 * (inventory, verification, deletion, certificate) open the project here, store their evidence records here and
 * check their fields with the same rules.
 */
@Component
@Transactional
class ProjectRecords {

    private final ExitProjectRepository repo;
    private final Parties parties;
    private final Clock clock;
    private final TextRules textRules;
    private final DeletionRecords deletionRecords;
    private final ExitClauses clauses;
    private final JsonMapper json = JsonMapper.builder().build();

    ProjectRecords(
            ExitProjectRepository repo,
            Parties parties,
            Clock clock,
            TextRules textRules,
            DeletionRecords deletionRecords,
            ExitClauses clauses) {
        this.deletionRecords = deletionRecords;
        this.clauses = clauses;
        this.repo = repo;
        this.parties = parties;
        this.clock = clock;
        this.textRules = textRules;
    }

    static CurrentUser caller() {
        return CurrentUser.requireBusinessOrAdmin("exit projects");
    }

    /** The project with the caller's relations, or 404 if it does not exist or its system is not visible. */
    @Transactional(readOnly = true)
    Access access(UUID id) {
        CurrentUser u = caller();
        ProjectInfo p = repo.find(id).orElseThrow(() -> new NotFoundException("exit project", id));
        CloudSystem s = parties.findSystem(p.systemId()).orElseThrow(() -> new NotFoundException("exit project", id));
        return new Access(p, s, u, Access.relations(s, u));
    }

    ProjectView view(Access access) {
        UUID id = access.project().id();
        List<Entry<?>> all =
                repo.records(id).stream().<Entry<?>>map(this::entry).toList();
        ProjectView v = new ProjectView(
                access,
                access.project(),
                repo.checklist(id),
                of(all, Kind.MANIFEST),
                of(all, Kind.ITEM),
                of(all, Kind.VERIFICATION),
                last(of(all, Kind.AUTHORISATION)),
                last(of(all, Kind.DELETION_PLAN)),
                last(of(all, Kind.DELETION)),
                of(all, Kind.SANITISATION),
                of(all, Kind.DISPOSAL),
                of(all, Kind.STORAGE_CHECK),
                repo.certificate(id),
                last(of(all, Kind.COUNTERSIGN_KEY)),
                last(of(all, Kind.COUNTERSIGNATURE)),
                null,
                clauses);
        // once a deletion is recorded, the SM3 of the record file the provider countersigns
        return v.deletion().isEmpty() ? v : v.withRecordSm3(org.yunjian.crypto.Sm3.hex(deletionRecords.file(v)));
    }

    @SuppressWarnings("unchecked")
    static <T> List<Entry<T>> of(List<Entry<?>> all, Kind kind) {
        return all.stream().filter(e -> e.kind() == kind).map(e -> (Entry<T>) e).toList();
    }

    private static <T> Optional<Entry<T>> last(List<Entry<T>> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    Entry<?> entry(ExitProjectRepository.Row r) {
        return new Entry<>(
                r.id(),
                r.kind(),
                json.readValue(r.payload(), r.kind().type()),
                r.recordedBy(),
                r.recordedOrg(),
                r.recordedAt());
    }

    ExitStatus lock(UUID id) {
        return repo.lockStatus(id).orElseThrow(() -> new NotFoundException("exit project", id));
    }

    /** Locks the project, checks the phase and that no certificate froze it; returns the caller's access. */
    Access open(UUID id, String what, ExitStatus... phases) {
        Access access = access(id);
        ExitStatus s = lock(id);
        if (repo.certificate(id).isPresent()) {
            throw new ConflictException("exit-certificate-issued", "exitproject.conflict.certificateIssued");
        }
        new ExitProject(s, clauses).requirePhase(what, phases);
        return access;
    }

    <T> Entry<T> insert(UUID projectId, UUID recordId, Kind kind, T data, Access access) {
        Instant now = clock.instant();
        repo.insertRecord(
                projectId,
                new ExitProjectRepository.Row(
                        recordId,
                        kind,
                        json.writeValueAsString(data),
                        access.user().username(),
                        access.user().organizationId(),
                        now));
        return new Entry<>(
                recordId, kind, data, access.user().username(), access.user().organizationId(), now);
    }

    /** Today in China Standard Time, by the injected clock. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Formats.zone());
    }

    void required(FieldErrors errors, String field, String value, int max) {
        if (blank(value)) {
            errors.add(field, "exitproject.error.required");
        } else {
            optional(errors, field, value, max);
        }
    }

    /** Up to 200 characters is a one-line field (names, operator, witness); longer ones may hold lines. */
    void optional(FieldErrors errors, String field, String value, int max) {
        textRules.check(errors, field, value, max, Text.Kind.forMax(max), "exitproject.error.tooLong");
    }

    static String safeName(String name, String fallback) {
        return Text.fileName(name, fallback);
    }

    /** The rules for text people type (one line, several lines), for the sub-processes' own checks. */
    TextRules textRules() {
        return textRules;
    }
}
