package org.yunjian.catalog;

import java.util.List;
import org.yunjian.catalog.internal.OscalValidation;
import org.yunjian.shared.Msg;

/**
 * Validation of OSCAL documents against the official OSCAL 1.1.3 schemas shipped in liboscal-java
 * ({@code schema/json/*.json}, draft-07, by networknt's validator; {@code schema/xml/*.xsd} by JAXP with secure
 * processing, DTDs refused). The catalog import uses it, and so may any module exchanging OSCAL documents. JSON is
 * first read strictly (well-formed, no duplicate keys, not nested deeper than the limit), XML is refused with any
 * DOCTYPE (so no entity, internal or external, is ever expanded).
 */
public final class OscalSchemas {

    /** Deepest nesting accepted by default: JSON objects and arrays, or XML elements. */
    public static final int DEFAULT_MAX_DEPTH = 100;

    /** The OSCAL models validated here, with their schema files in liboscal-java. */
    public enum Model {
        CATALOG("oscal-catalog"),
        SSP("oscal-ssp"),
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

    private OscalSchemas() {}

    /** Every problem of {@code content} against the official schema of {@code model}; empty when it is valid. */
    public static List<Problem> validate(Model model, OscalFormat format, byte[] content) {
        return validate(model, format, content, DEFAULT_MAX_DEPTH);
    }

    /** As {@link #validate(Model, OscalFormat, byte[])}, refusing documents nested deeper than {@code maxDepth}. */
    public static List<Problem> validate(Model model, OscalFormat format, byte[] content, int maxDepth) {
        return OscalValidation.validate(model, format, content, maxDepth);
    }
}
