package org.yunjian.shared;

/** The object does not exist, or the caller may not know that it exists. Rendered as 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String objectType, Object id) {
        super(objectType + " " + id + " not found");
    }
}
