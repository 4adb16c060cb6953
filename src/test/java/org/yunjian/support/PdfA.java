package org.yunjian.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF (test scope, from Maven Central): the PDF/A and PDF/UA validator of the PDF Association, no one here wrote
 * it (issue 60). {@link #check} validates a PDF against the PDF/A flavour its XMP metadata claims and, for its tagging,
 * against PDF/UA-1.
 */
public final class PdfA {

    /**
     * The PDF/UA-1 rules every record still fails, each with why (docs/signatures.md, "PDF/A and PDF/UA"): veraPDF
     * reports them, {@link #check} tolerates exactly these and fails on any other.
     */
    public static final Set<String> KNOWN_PDF_UA_GAPS = Set.of();

    static {
        // veraPDF reads its profiles with JAXB 2 (javax.xml.bind); metaschema-databind (test scope) names EclipseLink
        // MOXy, which is not on the class path, in META-INF/services/javax.xml.bind.JAXBContext, and comes first:
        // without this, veraPDF's profile directory is empty ("PDFAFlavour 2u is not supported by this directory")
        if (System.getProperty("javax.xml.bind.JAXBContextFactory") == null) {
            System.setProperty("javax.xml.bind.JAXBContextFactory", "com.sun.xml.bind.v2.JAXBContextFactory");
        }
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfA() {}

    /**
     * Checks {@code pdf}: it claims PDF/A (part and conformance in its XMP metadata), is valid for what it claims,
     * is tagged (a structure tree, marked content, its language and a title the viewer shows) and fails no PDF/UA-1
     * rule but the {@link #KNOWN_PDF_UA_GAPS}.
     *
     * @return the PDF/A flavour it claims and passed
     * @throws AssertionError naming each failed rule, with its clause and how often it failed
     */
    public static PDFAFlavour check(byte[] pdf, String name) {
        PDFAFlavour claimed = claimed(pdf);
        if (claimed == PDFAFlavour.NO_FLAVOUR || claimed.getPart() == null) {
            throw new AssertionError(name + " claims no PDF/A conformance in its XMP metadata");
        }
        Map<String, Integer> pdfA = failures(pdf, claimed);
        if (!pdfA.isEmpty()) {
            throw new AssertionError(name + " claims " + claimed + " but veraPDF finds: " + pdfA);
        }
        structure(pdf, name);
        Map<String, Integer> ua = failures(pdf, PDFAFlavour.PDFUA_1);
        ua.keySet().removeAll(KNOWN_PDF_UA_GAPS);
        if (!ua.isEmpty()) {
            throw new AssertionError(name + ": veraPDF PDF/UA-1 failures beyond the known ones: " + ua);
        }
        return claimed;
    }

    /**
     * {@link #check}, and the flavour claimed is the one every record is written in ({@code PdfRenderer.PDF_A}).
     */
    public static void checkRecord(byte[] pdf, String name) {
        var expected = org.yunjian.documents.PdfRenderer.PDF_A;
        PDFAFlavour record = PDFAFlavour.byFlavourId(
                expected.getPart() + expected.getConformanceValue().toLowerCase(java.util.Locale.ROOT));
        PDFAFlavour claimed = check(pdf, name);
        if (claimed != record) {
            throw new AssertionError(name + " claims " + claimed + ", records are " + record);
        }
    }

    /** The flavour the PDF's XMP metadata claims (veraPDF reads it), {@link PDFAFlavour#NO_FLAVOUR} if none. */
    public static PDFAFlavour claimed(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            return parser.getFlavour();
        } catch (IndexOutOfBoundsException e) {
            return PDFAFlavour.NO_FLAVOUR; // veraPDF 1.30 finds no identification in the XMP metadata (or none)
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not parse the PDF: " + e, e);
        }
    }

    /**
     * The rules of {@code flavour} that {@code pdf} fails, as "specification clause-test: description" with how many
     * times; empty if it conforms.
     */
    public static Map<String, Integer> failures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            Map<String, Integer> failed = new TreeMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    String rule =
                            a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage();
                    failed.merge(rule, 1, Integer::sum);
                }
            }
            if (!result.isCompliant() && failed.isEmpty()) {
                failed.put("not compliant (" + result.getJobEndStatus() + ")", 1);
            }
            return failed;
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the PDF as " + flavour + ": " + e, e);
        }
    }

    /** Tagged: a structure tree, marked content, a language, a title the viewer shows in place of the file name. */
    private static void structure(byte[] pdf, String name) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            String title = doc.getDocumentInformation().getTitle();
            if (catalog.getStructureTreeRoot() == null
                    || catalog.getStructureTreeRoot().getKids().isEmpty()
                    || catalog.getMarkInfo() == null
                    || !catalog.getMarkInfo().isMarked()
                    || catalog.getLanguage() == null
                    || catalog.getLanguage().isBlank()
                    || title == null
                    || title.isBlank()
                    || catalog.getViewerPreferences() == null
                    || !catalog.getViewerPreferences().displayDocTitle()) {
                throw new AssertionError(name + " is not tagged: structure tree, MarkInfo, Lang "
                        + catalog.getLanguage() + ", title " + title + ", DisplayDocTitle");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
