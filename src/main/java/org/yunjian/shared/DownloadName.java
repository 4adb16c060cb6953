package org.yunjian.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;

/**
 * The name a downloaded document gets (docs/glossary.md, "Numbers and download names"): for people
 * {@code <kind>-<system>-<number>-<date>.<ext>} in the reader's language, e.g.
 * {@code 测评报告-示例门户网站-YJ-2026-000123-2026-11-23.docx} or {@code 数据删除证明-示例门户网站-YJ-DEL-2026-000001-2026-11-23.pdf}
 * (the system's name made safe for a file name, the date in Beijing time), and an ASCII fallback for old clients
 * without the system's name ({@code deletion-certificate-YJ-DEL-2026-000001-2026-11-23.pdf}).
 *
 * @param forPeople the name in the reader's language
 * @param ascii the fallback, ASCII only
 */
public record DownloadName(String forPeople, String ascii) {

    /**
     * @param kindKey the bundle key of the document kind ({@code 测评报告}, {@code Deletion certificate})
     * @param asciiKind the document kind in the ASCII fallback ({@code assessment-report})
     * @param systemName the cloud system's name, as entered
     * @param number the human number, or {@code null}
     * @param date the document's date, or {@code null} for none
     */
    public static DownloadName of(
            String kindKey, String asciiKind, String systemName, String number, Instant date, String extension) {
        String system = Text.fileName(systemName, "system").replaceAll("[\\s.]+", "_");
        List<String> people = new ArrayList<>(List.of(Texts.get(kindKey), system));
        List<String> ascii = new ArrayList<>(List.of(asciiKind));
        if (number != null && !number.isBlank()) {
            people.add(number);
            ascii.add(number);
        }
        if (date != null) {
            people.add(Formats.date(date));
            ascii.add(Formats.date(date));
        }
        return new DownloadName(String.join("-", people) + "." + extension, String.join("-", ascii) + "." + extension);
    }

    /**
     * {@code attachment; filename="assessment-report-YJ-2026-000123-2026-11-23.docx"; filename*=UTF-8''%E6%B5%8B…}:
     * the RFC 6266 / 5987 form, so every browser takes the UTF-8 name and an old client the ASCII one.
     */
    public String contentDisposition() {
        String star = ContentDisposition.attachment()
                .filename(forPeople, StandardCharsets.UTF_8)
                .build()
                .toString();
        return "attachment; filename=\"" + ascii + "\"; " + star.substring(star.indexOf("filename*="));
    }
}
