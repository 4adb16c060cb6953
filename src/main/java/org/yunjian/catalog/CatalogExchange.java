package org.yunjian.catalog;

import java.util.List;

/**
 * Exchanging the catalog with other tools: every standard as an OSCAL catalog (JSON or XML, valid against
 * the official OSCAL 1.1.3 schemas) or CSV, and import of any OSCAL catalog as a further standard, stored in
 * the database, loaded at startup and searchable like the built-in ones.
 */
public interface CatalogExchange {

    /**
     * The standard as an OSCAL catalog. Built-in standards are mapped from the catalog data; imported ones are
     * written from the stored document (parameters, links and back matter are not carried over).
     *
     * @throws org.yunjian.shared.NotFoundException for an unknown code
     */
    String exportOscal(String code, OscalFormat format);

    /** The requirements of one standard ({@code code}) or of all (null) as CSV (RFC 4180, UTF-8, header row). */
    String exportCsv(String code);

    /**
     * Validates {@code content} against the OSCAL catalog schema (JSON or XML, by content), maps it and stores
     * it as standard {@code code}, all or nothing. An earlier import under that code is replaced only when
     * {@code replace} says so; otherwise the import is refused with a conflict naming the existing catalog.
     *
     * @param code the standard code for the imported catalog; null derives one from the document's title
     * @throws CatalogLoadException naming file, line, path and problem when the document is not a valid catalog
     * @throws org.yunjian.shared.FieldErrors.ValidationException for a bad or built-in code
     */
    ImportedStandard importOscal(String fileName, byte[] content, String code, boolean replace);

    /** The imported standards, by code. */
    List<ImportedStandard> imported();

    /** One imported OSCAL catalog. */
    record ImportedStandard(String code, String title, String fileName, OscalFormat format, int requirements,
                            String sha256) {
    }
}
