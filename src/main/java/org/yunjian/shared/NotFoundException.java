package org.yunjian.shared;

/** The object does not exist, or the caller may not know that it exists. Rendered as 404. */
public class NotFoundException extends ProblemException {
    private final String objectType;
    private final String id;

    public NotFoundException(String objectType, Object id) {
        super(404, "not-found", Msg.of("error.not-found"));
        this.objectType = objectType;
        this.id = id == null ? null : id.toString();
    }

    /** The kind of object asked for, e.g. {@code System}. */
    public String objectType() {
        return objectType;
    }

    /** The identifier the caller asked for (possibly another organisation's: a probe). */
    public String id() {
        return id;
    }
}
