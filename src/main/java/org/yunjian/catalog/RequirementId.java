package org.yunjian.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable identifier of a catalog requirement: standard code, clause, then item segments, e.g.
 * {@code MLPS-L3-8.2.4.7-a}, {@code GBT31167-9.4-c-1}, {@code TCCIA004-A.1-3}, {@code TCCIA004-B-12}.
 * Segments of the standard code have at least two characters, so that a one-letter annex ({@code B})
 * is read as the clause. Ids never change once published; other modules store them.
 *
 * <p>Requirements of catalogs imported from OSCAL keep their control or group id after a colon:
 * {@code NIST-SP80053:ac-2.1} (see {@link #imported(String, String)}); {@link #clause()} is then the OSCAL id.
 */
public record RequirementId(String value) implements Comparable<RequirementId> {

    private static final Pattern FORMAT = Pattern.compile(
            "^([A-Z][A-Z0-9]+(?:-[A-Z][A-Z0-9]+)*)-((?:[A-Z]|[0-9]+)(?:\\.[0-9]+)*)((?:-(?:[a-z]|[0-9]+))*)$");

    /** An imported standard's code may hold number segments ({@code NIST-SP-800-53-REV5}): the colon ends it. */
    private static final Pattern IMPORTED =
            Pattern.compile("^([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*):((?:\\p{L}|_)(?:\\p{L}|\\p{N}|[.\\-_])*)$");

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*$");

    public RequirementId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches() && !IMPORTED.matcher(value).matches()) {
            throw new IllegalArgumentException("RequirementId: " + value); // callers check isWellFormed first
        }
    }

    @JsonCreator
    public static RequirementId of(String value) {
        return new RequirementId(value);
    }

    /** The id of control or group {@code oscalId} of the imported standard {@code code}: {@code CODE:oscalId}. */
    public static RequirementId imported(String code, String oscalId) {
        return new RequirementId(code + ":" + oscalId);
    }

    /**
     * Whether {@code code} can be an imported standard's code: upper-case letters and digits in segments joined by
     * '-', the first a word of two or more characters ({@code NIST-SP-800-53-REV5-HIGH}), at most 64 characters.
     */
    public static boolean isValidStandardCode(String code) {
        return code != null && code.length() <= 64 && CODE.matcher(code).matches();
    }

    /** Whether {@code value} is a well-formed id (it may still be absent from the catalog). */
    public static boolean isWellFormed(String value) {
        return value != null
                && (FORMAT.matcher(value).matches() || IMPORTED.matcher(value).matches());
    }

    /** Whether this is the id of an imported (OSCAL) requirement. */
    public boolean isImported() {
        return IMPORTED.matcher(value).matches();
    }

    /** The standard's code, e.g. {@code MLPS-L3}. */
    public String standardCode() {
        return parts().group(1);
    }

    /** The clause number, e.g. {@code 8.2.4.7}. */
    public String clause() {
        return parts().group(2);
    }

    private Matcher parts() {
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            m = IMPORTED.matcher(value);
            m.matches();
        }
        return m;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(RequirementId other) {
        return value.compareTo(other.value);
    }
}
