package org.yunjian.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.crypto.Sm3;
import org.yunjian.monitoring.WordListVersion;
import org.yunjian.monitoring.probe.WordList;
import org.yunjian.monitoring.probe.WordMatcher;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.Role;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;

/**
 * The organisations' harmful-content word lists (政府网站指南 8.4.1.3 a)): read by the organisation's users and the
 * system administrators, imported — a new version each time, the earlier ones kept — by its 组织管理员 or a system
 * administrator; audited. The monitors of a system match the latest list of its customer, or the shipped sample while
 * the customer has none ({@link #matcherFor}).
 */
@Service
@Transactional
public class WordLists {

    static final String OBJECT = "monitor-word-list";

    private final WordListRepository repo;
    private final Parties parties;
    private final OrganizationAdministration orgAdmins;
    private final TextRules text;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WordMatcher sample = WordMatcher.of(WordList.sample());
    private final Map<String, WordMatcher> matchers = new ConcurrentHashMap<>();

    WordLists(
            WordListRepository repo,
            Parties parties,
            OrganizationAdministration orgAdmins,
            TextRules text,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repo = repo;
        this.parties = parties;
        this.orgAdmins = orgAdmins;
        this.text = text;
        this.events = events;
        this.clock = clock;
    }

    /** An organisation's lists, the latest first (empty: the sample is used), and whether the caller may import. */
    public record Lists(Organization organization, List<WordListVersion> versions, boolean mayImport) {

        public Optional<WordListVersion> current() {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
        }
    }

    /** The organisation's lists; 404 for a business user of another organisation or an unknown one. */
    @Transactional(readOnly = true)
    public Lists of(UUID organizationId) {
        Organization o = see(organizationId);
        return new Lists(o, repo.versions(organizationId), mayImport(organizationId));
    }

    /** One version's words, one per line, as the monitors match them; 404 if there is no such version. */
    @Transactional(readOnly = true)
    public String words(UUID organizationId, int version) {
        see(organizationId);
        return repo.words(organizationId, version)
                .orElseThrow(() -> new NotFoundException(OBJECT, organizationId + "/" + version));
    }

    /**
     * Imports {@code upload} (null when none was sent; read no further than one byte past the largest accepted; its
     * name and declared type are never asked — what it is is told by its content): {@link #importList(UUID, byte[],
     * String)}.
     */
    public WordListVersion importList(UUID organizationId, InputStream upload, String note) {
        try (InputStream in = upload) {
            return importList(
                    organizationId, in == null ? null : in.readNBytes(WordListVersion.FILE_MAX_BYTES + 1), note);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports {@code file} (UTF-8 text, one word per line, {@code #} comments) as the organisation's next version:
     * 400 naming the problem (and its line) when it is missing, too large, not text or not a list; 403 unless the
     * caller is the organisation's 组织管理员 or a system administrator. Audited.
     */
    public WordListVersion importList(UUID organizationId, byte[] file, String note) {
        Organization o = see(organizationId);
        if (!mayImport(organizationId)) {
            throw new ForbiddenException(Msg.of("monitoring.wordList.error.import"));
        }
        FieldErrors errors = new FieldErrors();
        String n = note == null || note.isBlank() ? null : note.strip();
        text.check(errors, "note", n, WordListVersion.NOTE_MAX, Text.Kind.LINES, "monitoring.error.tooLong");
        List<String> words = parse(file, errors);
        errors.throwIfAny();
        CurrentUser u = CurrentUser.require();
        WordListVersion v = new WordListVersion(
                UUID.randomUUID(),
                organizationId,
                repo.latestNumber(organizationId) + 1,
                words.size(),
                Sm3.hex(file),
                n,
                u.username(),
                clock.instant());
        try {
            repo.insert(v, words);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("word-list-concurrent", "monitoring.wordList.error.concurrent");
        }
        events.publishEvent(AuditableEvent.success(
                "monitor.wordlist.import",
                OBJECT,
                v.id(),
                Msg.of("monitoring.audit.wordList", o.name(), v.version(), v.wordCount(), v.contentSm3())));
        return v;
    }

    /**
     * What the monitors of the system match: the latest list of its customer (read as the platform: a probe has no
     * caller), or the shipped sample while it has none. Built once per version.
     */
    @Transactional(readOnly = true)
    public WordMatcher matcherFor(UUID systemId) {
        UUID customer =
                parties.systemForPlatformWork(systemId).map(s -> s.customerId()).orElse(null);
        int latest = customer == null ? 0 : repo.latestNumber(customer);
        if (latest == 0) {
            return sample;
        }
        return matchers.computeIfAbsent(customer + "/" + latest, k -> repo.words(customer, latest)
                .map(w -> WordList.parse(w) instanceof WordList.Accepted a ? WordMatcher.of(a.list()) : sample)
                .orElse(sample));
    }

    /**
     * Whether the system's monitors match a list its customer imported: the shipped sample is placeholder words, no
     * criterion to check harmful content against (issue 59).
     */
    public boolean imported(UUID systemId) {
        return matcherFor(systemId) != sample;
    }

    private static List<String> parse(byte[] file, FieldErrors errors) {
        if (file == null || file.length == 0) {
            errors.add("file", "monitoring.wordList.error.missing");
            return List.of();
        }
        if (file.length > WordListVersion.FILE_MAX_BYTES) {
            errors.add("file", "monitoring.wordList.error.tooLarge", WordListVersion.FILE_MAX_BYTES / (1024 * 1024));
            return List.of();
        }
        for (byte b : file) {
            if (b == 0) { // a binary file (a spreadsheet, an archive) whatever its name says
                errors.add("file", "monitoring.wordList.error.notText");
                return List.of();
            }
        }
        WordList.Parsed parsed = WordList.parse(file);
        if (parsed instanceof WordList.Refused r) {
            errors.add("file", r.message());
            return List.of();
        }
        List<String> words = ((WordList.Accepted) parsed).list().words();
        if (words.isEmpty()) {
            errors.add("file", "monitoring.wordList.error.empty");
        }
        return words;
    }

    /** Whether the caller may read the organisation's lists: its own users and the system administrators. */
    public boolean mayRead(UUID organizationId) {
        CurrentUser u = CurrentUser.require();
        return u.role() == Role.SYSTEM_ADMIN || u.role() == Role.USER && u.belongsTo(organizationId);
    }

    private Organization see(UUID organizationId) {
        if (CurrentUser.require().role() == Role.USER && !mayRead(organizationId)) {
            throw new NotFoundException("organization", organizationId);
        }
        return parties.findOrganization(organizationId)
                .orElseThrow(() -> new NotFoundException("organization", organizationId));
    }

    private boolean mayImport(UUID organizationId) {
        CurrentUser u = CurrentUser.require();
        return u.role() == Role.SYSTEM_ADMIN
                || u.role() == Role.USER && u.belongsTo(organizationId) && orgAdmins.isOrgAdmin();
    }
}
