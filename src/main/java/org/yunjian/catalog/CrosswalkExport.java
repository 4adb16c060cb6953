package org.yunjian.catalog;

/**
 * The crosswalk ({@link ForeignControls}) as a document other tools read: an OSCAL 1.2.0 mapping collection (NIST's
 * mapping model) in JSON or XML. Its targets are the controls of the platform's OSCAL exports of the standards
 * ({@code /api/catalog/standards/{code}/oscal}); the unmapped items are its target gap summary.
 */
public interface CrosswalkExport {

    /** The mapping collection; each download is recorded in the audit log. */
    String mappingCollection(OscalFormat format);

    /** The file name a download of the mapping collection gets. */
    static String fileName(OscalFormat format) {
        return "nist-sp800-53r5-to-yunjian-oscal-mapping." + format.extension();
    }
}
