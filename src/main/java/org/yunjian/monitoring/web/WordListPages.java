package org.yunjian.monitoring.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.monitoring.WordListVersion;
import org.yunjian.monitoring.internal.WordLists;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * An organisation's harmful-content word list page: the version its monitors match, the earlier ones, each
 * downloadable, and the form that imports a new version (its 组织管理员 and system administrators).
 */
@Controller
class WordListPages {

    private final WordLists lists;
    private final PeopleNames people;

    WordListPages(WordLists lists, PeopleNames people) {
        this.lists = lists;
        this.people = people;
    }

    @GetMapping("/organizations/{id}/word-lists")
    @PreAuthorize(MonitorPages.WHO)
    String page(@PathVariable UUID id, Model model) {
        return page(id, model, null);
    }

    @PostMapping("/organizations/{id}/word-lists")
    @PreAuthorize(MonitorPages.WHO)
    String importList(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            WordListVersion v = lists.importList(id, upload(file), note);
                            redirect.addFlashAttribute("imported", v.version());
                            return "redirect:/organizations/" + id + "/word-lists";
                        },
                        () -> page(id, model, note));
    }

    @GetMapping("/organizations/{id}/word-lists/{version}/words.txt")
    @PreAuthorize(MonitorPages.WHO)
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable int version) {
        byte[] body = lists.words(id, version).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("word-list-v" + version + ".txt", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    private static java.io.InputStream upload(MultipartFile file) {
        try {
            return file == null || file.isEmpty() ? null : file.getInputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String page(UUID id, Model model, String note) {
        WordLists.Lists l = lists.of(id);
        if (!model.containsAttribute(PageRefusal.ERRORS)) {
            model.addAttribute(PageRefusal.ERRORS, Map.of());
        }
        model.addAttribute("lists", l);
        model.addAttribute("organization", l.organization());
        model.addAttribute("note", note);
        model.addAttribute("maxWords", org.yunjian.monitoring.probe.WordList.MAX_WORDS);
        model.addAttribute("maxLength", org.yunjian.monitoring.probe.WordList.MAX_LENGTH);
        model.addAttribute(
                "people",
                people.displayNames(
                        l.versions().stream().map(WordListVersion::importedBy).toList()));
        model.addAttribute(
                "fieldLabels", Map.of("file", "monitoring.wordList.file", "note", "monitoring.wordList.note"));
        return "monitoring/word-lists";
    }
}
