package org.yunjian.shared;

/**
 * The caller may see the object but not make this change, and is told why (a provider editing a row its customer
 * answers for): 403 with the bundle text, where a plain access denial gets only the generic sentence.
 */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(Msg text) {
        super(403, "forbidden", text);
    }
}
