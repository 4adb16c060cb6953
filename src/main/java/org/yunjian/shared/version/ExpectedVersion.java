package org.yunjian.shared.version;

/**
 * The version an update says it replaces, as the request sent it: the {@code If-Match} header and the body's or
 * form's {@code version} field. Services read {@link #value()} only after their access and input checks, so a
 * stranger still gets 404, a refused caller 403 and bad input 400; a caller who may write but named no version
 * gets 428 ({@link PreconditionRequiredException}).
 */
public record ExpectedVersion(String ifMatch, Long field) {

    /** From a REST call: header first, else the body's {@code version}. */
    public static ExpectedVersion of(String ifMatch, Long bodyVersion) {
        return new ExpectedVersion(ifMatch, bodyVersion);
    }

    /** From a page form's hidden {@code version} field. */
    public static ExpectedVersion ofForm(String formVersion) {
        Long v = null;
        if (formVersion != null && !formVersion.isBlank()) {
            try {
                v = Long.parseLong(formVersion.strip());
            } catch (NumberFormatException e) {
                v = null;
            }
        }
        return new ExpectedVersion(null, v);
    }

    /** For code that just read the record and updates it in the same transaction (imports, seeding, tests). */
    public static ExpectedVersion exactly(long version) {
        return new ExpectedVersion(null, version);
    }

    /** The version named; {@link PreconditionRequiredException} if none. */
    public long value() {
        return Versions.expected(ifMatch, field);
    }
}
