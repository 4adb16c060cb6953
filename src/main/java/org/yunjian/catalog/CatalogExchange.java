package org.yunjian.catalog;

import java.time.Instant;
import java.util.List;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Exchanging the catalog with other tools: every standard as an OSCAL catalog (JSON or XML, valid against
 * the official OSCAL 1.1.3 schemas) or CSV, and import of any OSCAL catalog as a further standard, stored in
 * the database, loaded at startup and searchable like the built-in ones. Imports are versioned: replacing one
 * keeps the earlier version (its document, digest, who and when) listed and retrievable.
 */
public interface CatalogExchange {

    /**
     * The standard as an OSCAL catalog. Built-in standards are mapped from the catalog data; imported ones are
     * written from the stored document (links and back matter are not carried over).
     *
     * @throws org.yunjian.shared.NotFoundException for an unknown code
     */
    String exportOscal(String code, OscalFormat format);

    /** The requirements of one standard ({@code code}) or of all (null) as CSV (RFC 4180, UTF-8, header row). */
    String exportCsv(String code);

    /**
     * Validates {@code content} against the OSCAL catalog schema (JSON or XML, by content) and NIST's Metaschema
     * constraints ({@link OscalSchemas#check}: an error-level finding refuses, naming path and rule), maps it and stores
     * it as standard {@code code}, all or nothing. An earlier import under that code is replaced only when
     * {@code replaces} names the version it replaces (that version is kept as an earlier one); otherwise the import
     * is refused with a conflict naming the existing catalog.
     *
     * @param code     the standard code for the imported catalog; null derives one from the document's title
     * @param replaces null: a new code only; else the current version of the code the import replaces (optimistic
     *                 locking: a code not imported yet is simply imported)
     * @throws CatalogLoadException naming file, line, path and problem when the document is not a valid catalog
     * @throws org.yunjian.shared.FieldErrors.ValidationException for a bad or built-in code
     * @throws org.yunjian.shared.ConflictException ({@code catalog-exists}) when the code is taken and
     *                                              {@code replaces} is null
     * @throws org.yunjian.shared.version.StaleVersionException when the code's current version is not the one named
     * @throws org.yunjian.shared.version.PreconditionRequiredException when replacing and no version is named
     */
    ImportedStandard importOscal(String fileName, byte[] content, String code, ExpectedVersion replaces);

    /** The imported standards (their current versions), by code. */
    List<ImportedStandard> imported();

    /**
     * Every version of the imported standard {@code code}, newest (the current one) first.
     *
     * @throws org.yunjian.shared.NotFoundException when nothing was imported under {@code code}
     */
    List<ImportVersion> versions(String code);

    /**
     * The document of one version exactly as it was uploaded.
     *
     * @throws org.yunjian.shared.NotFoundException for an unknown code or version
     */
    Original original(String code, int version);

    /**
     * One imported OSCAL catalog, in its current version.
     *
     * @param requirements the number of controls (OSCAL {@code control}s, nested ones included, i.e. the assessable
     *                     items); the groups holding them are not counted (issue 60; versions imported before count
     *                     them as they were stored)
     * @param notices      what NIST's constraints found that does not refuse the import, in the importer's language:
     *                     warnings, and the referenced documents whose constraints were not checked (never fetched);
     *                     the first {@value #MAX_NOTICES}, then how many more. Empty when listed later.
     */
    record ImportedStandard(
            String code,
            String title,
            String fileName,
            OscalFormat format,
            int requirements,
            String sha256,
            int version,
            Instant importedAt,
            String importedBy,
            List<String> notices) {}

    /** The most notices an import answer lists (a resolved baseline has hundreds of the same warning). */
    int MAX_NOTICES = 20;

    /**
     * One version of an imported catalog.
     *
     * @param requirements the number of controls, as in {@link ImportedStandard}
     * @param replacedAt   null for the current version
     */
    record ImportVersion(
            String code,
            int version,
            String title,
            String fileName,
            OscalFormat format,
            int requirements,
            String sha256,
            long sizeBytes,
            Instant importedAt,
            String importedBy,
            Instant replacedAt,
            String replacedBy) {

        @com.fasterxml.jackson.annotation.JsonProperty("current")
        public boolean current() {
            return replacedAt == null;
        }
    }

    /** An uploaded document as it was received. */
    record Original(String fileName, OscalFormat format, byte[] content) {}
}
