package org.yunjian.report.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.yunjian.assessment.Access;
import org.yunjian.report.ReportCorrections;
import org.yunjian.report.ReportRecords;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * The approved report's revisions on the assessment page (a new 修订版 by the 批准人, confirmed) and the public
 * check a regulator uses without an account: a report number with an SM3 or the file itself, answered yes (with
 * the revision, its approval date, the assessor organisation and the file kind) or no — nothing more for a wrong
 * pair — and the platform's public key for {@code yunjian report verify}.
 */
@Controller
class ReportRecordPages {

    static final String PUBLIC_CHECK = "/report-check";

    /** The revision form on the assessment page, as {@link PageRefusal#ERRORS_IN}. */
    static final String REVISION = "revision";

    private final ReportRecords records;

    ReportRecordPages(ReportRecords records) {
        this.records = records;
    }

    @PostMapping("/assessments/{id}/report-revisions")
    @PreAuthorize(Access.WHO)
    String revise(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(name = "item", required = false) List<String> items,
            @RequestParam(name = "field", required = false) List<String> fields,
            @RequestParam(name = "text", required = false) List<String> texts,
            RedirectAttributes flash) {
        String back = "redirect:/assessments/" + id + "#reports";
        // refused, the alert at the revision form (its field errors as one text), the typed reason kept
        return PageRefusal.on(flash)
                .in(REVISION)
                .conflicts()
                .errorsAsAlert(" ")
                .attempt(
                        () -> {
                            ReportRecords.Revision r =
                                    records.revise(id, reason, confirm, corrections(items, fields, texts));
                            flash.addFlashAttribute("message", Texts.get("record.revised", r.revision(), r.sealSm3()));
                        },
                        () -> back,
                        () -> {
                            flash.addFlashAttribute("revisionReason", reason);
                            return back;
                        });
    }

    /**
     * The form's correction rows (item number, field, text), the rows left empty skipped; an item that is not a
     * number or a field that is not one of the list is refused naming the row.
     */
    static List<ReportCorrections.Correction> corrections(List<String> items, List<String> fields, List<String> texts) {
        List<ReportCorrections.Correction> out = new java.util.ArrayList<>();
        org.yunjian.shared.FieldErrors errors = new org.yunjian.shared.FieldErrors();
        int rows = Math.max(size(items), Math.max(size(fields), size(texts)));
        for (int n = 0; n < rows; n++) {
            String item = at(items, n);
            String field = at(fields, n);
            String text = at(texts, n);
            if (FieldValues.blank(item) && FieldValues.blank(text)) {
                continue;
            }
            Integer number = null;
            try {
                number = FieldValues.blank(item) ? null : Integer.valueOf(item.strip());
            } catch (NumberFormatException e) {
                errors.add("corrections[" + out.size() + "].item", "record.error.correctionItemNumber", item.strip());
            }
            ReportCorrections.Field f = null;
            if (!FieldValues.blank(field)) {
                try {
                    f = ReportCorrections.Field.valueOf(field.strip());
                } catch (IllegalArgumentException e) {
                    errors.add("corrections[" + out.size() + "].field", "record.error.correctionField");
                }
            }
            out.add(new ReportCorrections.Correction(number == null ? 0 : number, f, text));
        }
        errors.throwIfAny();
        return out;
    }

    private static int size(List<String> l) {
        return l == null ? 0 : l.size();
    }

    private static String at(List<String> l, int n) {
        return l == null || n >= l.size() ? null : l.get(n);
    }

    @GetMapping(PUBLIC_CHECK)
    @PreAuthorize("permitAll()") // a regulator has no account (SecurityConfig.PUBLIC); rate-limited per address
    String check(
            @RequestParam(required = false) String number,
            @RequestParam(required = false) String sm3,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("number", number);
        model.addAttribute("sm3", sm3);
        model.addAttribute("fingerprint", records.fingerprint());
        if (number != null || sm3 != null) {
            // bad input names its field with a 400, as GET /api/report-check does — never a silent "no"
            boolean[] refused = {false};
            PageRefusal.on(model).fill(() -> ReportRecords.requireCheckable(number, sm3), () -> {
                response.setStatus(400);
                refused[0] = true;
            });
            if (refused[0]) {
                return "report/check";
            }
            answer(records.publicCheck(request.getRemoteAddr(), number, sm3), response, model);
        }
        return "report/check";
    }

    @PostMapping(PUBLIC_CHECK)
    @PreAuthorize("permitAll()") // as above; the file is hashed here and not kept
    String checkFile(
            @RequestParam(required = false) String number,
            @RequestParam(required = false) MultipartFile file,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        model.addAttribute("number", number);
        model.addAttribute("fingerprint", records.fingerprint());
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute(PageRefusal.ERRORS, Map.of("file", Texts.get("record.check.error.noFile")));
            return "report/check";
        }
        byte[] content = file.getBytes();
        String[] sm3 = new String[1];
        PageRefusal.on(model)
                .fields(refused -> Map.of("file", Texts.get("record.check.error.type")))
                .fill(() -> sm3[0] = records.sm3OfUpload(content), () -> response.setStatus(400));
        if (sm3[0] == null) {
            return "report/check";
        }
        model.addAttribute("sm3", sm3[0]);
        answer(records.publicCheck(request.getRemoteAddr(), number, sm3[0]), response, model);
        return "report/check";
    }

    @GetMapping(PUBLIC_CHECK + "/signing-key.pem")
    @PreAuthorize("permitAll()") // a public key
    ResponseEntity<byte[]> signingKey() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-pem-file"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"yunjian-platform-signing.pub.pem\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(records.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
    }

    private static void answer(ReportRecords.PublicAnswer a, HttpServletResponse response, Model model) {
        if (a.throttled()) {
            long seconds =
                    Math.max(1, a.retryAfter().toSeconds() + (a.retryAfter().toMillisPart() > 0 ? 1 : 0));
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            model.addAttribute("throttled", Texts.get("record.check.throttled", seconds));
            return;
        }
        model.addAttribute("checked", true);
        model.addAttribute("match", a.match().orElse(null));
    }
}
