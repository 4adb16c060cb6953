package org.yunjian.catalog;

import java.util.List;
import org.yunjian.catalog.internal.OscalValidation;
import org.yunjian.shared.Msg;

/**
 * Validation of uploaded OSCAL documents as NIST's {@code oscal-cli validate} does it, in two steps. The schema step:
 * the official OSCAL 1.1.3 schemas shipped in liboscal-java ({@code schema/json/*.json}, draft-07, by networknt's
 * validator; {@code schema/xml/*.xsd} by JAXP with secure processing, DTDs refused); JSON is first read strictly
 * (well-formed, no duplicate keys, not nested deeper than the limit), XML is refused with any DOCTYPE (so no entity,
 * internal or external, is ever expanded). Then, for a document the schema accepts, the constraint step: every
 * Metaschema constraint of the OSCAL model (allowed values, uniqueness, references, expectations) by liboscal-java
 * (issue 60). Every OSCAL import calls {@link #validate} (or {@link #check}, to show the warnings too); documents
 * the upload links to are never fetched (see {@link #check}).
 */
public final class OscalSchemas {

    /** Deepest nesting accepted by default: JSON objects and arrays, or XML elements. */
    public static final int DEFAULT_MAX_DEPTH = 100;

    /** The OSCAL models validated here, with their schema files in liboscal-java. */
    public enum Model {
        CATALOG("oscal-catalog"),
        SSP("oscal-ssp"),
        ASSESSMENT_PLAN("oscal-ap"),
        ASSESSMENT_RESULTS("oscal-ar"),
        POAM("oscal-poam");

        private final String file;

        Model(String file) {
            this.file = file;
        }

        /** The JSON schema resource on the class path. */
        public String jsonSchema() {
            return "schema/json/" + file + "_schema.json";
        }

        /** The XSD resource on the class path. */
        public String xsd() {
            return "schema/xml/" + file + "_schema.xsd";
        }
    }

    /**
     * One violation.
     *
     * @param path    where: a JSON path ({@code $.system-security-plan.metadata.title}) or an element path
     *                ({@code /system-security-plan[1]/metadata[1]})
     * @param line    1-based line, 0 when unknown
     * @param message the problem, rendered in the reader's language where shown
     */
    public record Problem(String path, int line, Msg message) {}

    /**
     * What the two steps found.
     *
     * @param errors     what refuses the document: the schema step's problems, else the constraints it breaks at
     *                   error level (path: the Metapath liboscal-java reports, e.g.
     *                   {@code /catalog/group[1]/part[1]}; message naming the constraint and NIST's words)
     * @param warnings   constraints broken at warning level, and the few error-level findings NIST's own published
     *                   content has that leave the document unambiguous (a baseline's related links to controls it
     *                   does not include, a deprecated {@code depends-on}): shown, not refused
     * @param notChecked one per document the upload references ({@code import-profile}, {@code import-ssp},
     *                   {@code import-ap}, a leveraged plan): never fetched, so the constraints that need what it
     *                   defines were not evaluated (path: the reference as resolved)
     */
    public record Report(List<Problem> errors, List<Problem> warnings, List<Problem> notChecked) {

        /** True when the document is to be refused. */
        public boolean refused() {
            return !errors.isEmpty();
        }
    }

    private OscalSchemas() {}

    /**
     * Every problem that refuses {@code content} as a document of {@code model}: the schema step's, else the
     * constraints it breaks (see {@link #check}); empty when it is valid.
     */
    public static List<Problem> validate(Model model, OscalFormat format, byte[] content) {
        return check(model, format, content).errors();
    }

    /** As {@link #validate(Model, OscalFormat, byte[])}, refusing documents nested deeper than {@code maxDepth}. */
    public static List<Problem> validate(Model model, OscalFormat format, byte[] content, int maxDepth) {
        return check(model, format, content, maxDepth).errors();
    }

    /**
     * The schema step, then (when it passes) NIST's Metaschema constraints of the model the document is (its root
     * names it; the schema step has checked it is {@code model}). Documents the upload links to are never fetched:
     * constraints asking for one get an empty stand-in, and what they could not check is listed in
     * {@link Report#notChecked()}. The constraint step is bounded in time (five minutes); liboscal-java is loaded on the
     * first call (about a second), not at start.
     */
    public static Report check(Model model, OscalFormat format, byte[] content) {
        return check(model, format, content, DEFAULT_MAX_DEPTH);
    }

    /** As {@link #check(Model, OscalFormat, byte[])}, refusing documents nested deeper than {@code maxDepth}. */
    public static Report check(Model model, OscalFormat format, byte[] content, int maxDepth) {
        return OscalValidation.check(model, format, content, maxDepth);
    }

    /** The schema step alone (exports checked by the build; no constraint evaluation). */
    public static List<Problem> validateSchema(Model model, OscalFormat format, byte[] content) {
        return OscalValidation.validate(model, format, content, DEFAULT_MAX_DEPTH);
    }
}
