package org.yunjian.party.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.party.internal.ImportService;
import org.yunjian.party.internal.ImportService.Format;
import org.yunjian.party.internal.ImportService.ImportRejectedException;
import org.yunjian.shared.Texts;

/** Bits the party pages share: running an uploaded import and reporting it on the list page. */
final class Pages {

    private Pages() {}

    /** A column of an import file: its machine name and, for a coded column, the codes it takes. */
    record Column(String name, List<? extends Enum<?>> values) {}

    interface Importer {
        ImportService.Result run(byte[] content, Format format);
    }

    /** The roles an organisation can be asked or invited to take in an engagement: every one but 云服务客户. */
    static java.util.List<org.yunjian.catalog.PartyRole> engagementRoles() {
        return java.util.Arrays.stream(org.yunjian.catalog.PartyRole.values())
                .filter(r -> r != org.yunjian.catalog.PartyRole.CUSTOMER)
                .toList();
    }

    static void runImport(
            MultipartFile file,
            String format,
            int maxBytes,
            Importer importer,
            RedirectAttributes flash,
            MessageSource messages,
            Locale locale) {
        List<String> problems = new ArrayList<>();
        try {
            byte[] content;
            try (InputStream in = file.getInputStream()) {
                content = in.readNBytes(maxBytes + 1);
            }
            Format f = format == null || format.isBlank() ? null : Format.parse(format);
            ImportService.Result r = importer.run(content, f);
            flash.addFlashAttribute(
                    "importMessage", messages.getMessage("party.import.done", new Object[] {r.count()}, locale));
            return;
        } catch (ImportRejectedException e) {
            for (ImportService.RowError row : e.rows()) {
                String where = row.position() == null
                        ? messages.getMessage("party.import.where.file", null, locale)
                        : e.format() == Format.JSON
                                ? messages.getMessage("party.import.where.index", new Object[] {row.position()}, locale)
                                : messages.getMessage("party.import.where.line", new Object[] {row.position()}, locale);
                for (Map.Entry<String, String> x : row.errors().entrySet()) {
                    problems.add(where + " · " + Texts.get("party.import.fieldProblem", x.getKey(), x.getValue()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(messages.getMessage("party.import.unreadable", null, locale));
        }
        flash.addFlashAttribute("importErrors", problems);
    }
}
