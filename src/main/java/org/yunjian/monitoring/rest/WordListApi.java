package org.yunjian.monitoring.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.monitoring.WordListVersion;
import org.yunjian.monitoring.internal.WordLists;
import org.yunjian.security.PeopleNames;

/**
 * REST for an organisation's harmful-content word lists (政府网站指南 8.4.1.3 a)): its versions (the organisation's users
 * and system administrators), a new version imported from a UTF-8 text file (its 组织管理员 or a system administrator),
 * and one version's words.
 */
@RestController
@Tag(name = "monitoring", description = "网站安全监测 Website security monitoring")
class WordListApi {

    private final WordLists lists;
    private final PeopleNames people;

    WordListApi(WordLists lists, PeopleNames people) {
        this.lists = lists;
        this.people = people;
    }

    /** One version as the API shows it. */
    record WordListVersionResponse(
            int version,
            int wordCount,
            String contentSm3,
            String note,
            String importedBy,
            String importedByName,
            Instant importedAt) {

        static WordListVersionResponse of(WordListVersion v, Map<String, String> names) {
            return new WordListVersionResponse(
                    v.version(),
                    v.wordCount(),
                    v.contentSm3(),
                    v.note(),
                    v.importedBy(),
                    names.getOrDefault(v.importedBy(), v.importedBy()),
                    v.importedAt());
        }
    }

    /** The organisation's lists: the latest first; {@code usingSample} while it has none. */
    record WordListsResponse(
            UUID organizationId,
            String organization,
            boolean usingSample,
            boolean mayImport,
            List<WordListVersionResponse> versions) {}

    @GetMapping("/api/organizations/{id}/word-lists")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(summary = "The organisation's harmful-content word lists, the latest (the one its monitors match) first")
    WordListsResponse list(@PathVariable UUID id) {
        WordLists.Lists l = lists.of(id);
        Map<String, String> names = people.displayNames(
                l.versions().stream().map(WordListVersion::importedBy).toList());
        return new WordListsResponse(
                id,
                l.organization().name(),
                l.versions().isEmpty(),
                l.mayImport(),
                l.versions().stream()
                        .map(v -> WordListVersionResponse.of(v, names))
                        .toList());
    }

    @PostMapping(value = "/api/organizations/{id}/word-lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary = "Import a new version of the word list (organisation administrator or system administrator): "
                    + "multipart 'file', UTF-8 text, one word per line, '#' comments, at most 10,000 words of 50 "
                    + "characters and 2 MiB; optional 'note'. 201 with the version; 400 naming the problem and line")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WordListVersionResponse> importList(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String note)
            throws IOException {
        WordListVersion v = lists.importList(id, file == null ? null : file.getInputStream(), note);
        return ResponseEntity.created(URI.create("/api/organizations/" + id + "/word-lists/" + v.version()))
                .body(WordListVersionResponse.of(v, people.displayNames(List.of(v.importedBy()))));
    }

    @GetMapping("/api/organizations/{id}/word-lists/{version}")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(summary = "One version's words, one per line (UTF-8 text)")
    ResponseEntity<byte[]> words(@PathVariable UUID id, @PathVariable int version) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(lists.words(id, version).getBytes(StandardCharsets.UTF_8));
    }
}
