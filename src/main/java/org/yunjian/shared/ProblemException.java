package org.yunjian.shared;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A refusal or failure that a REST caller receives as an RFC 9457 problem, in one shape: its status, its problem type
 * ({@code urn:yunjian:problem:<type>}), its text in the caller's language as the detail, and where it has them a
 * title and properties (the stored version, the items a submission lacks, the rows of a refused file). The web
 * module's one problem advice answers every subclass from these; a module that has a refusal of its own throws a
 * subclass and declares no advice of its own (OneProblemAdviceTests).
 */
public class ProblemException extends LocalizedException {

    private final int status;
    private final String type;

    public ProblemException(int status, String type, Msg text) {
        this(status, type, text, null);
    }

    public ProblemException(int status, String type, Msg text, Throwable cause) {
        super(text, cause);
        this.status = status;
        this.type = type;
    }

    /** The HTTP status of the answer. */
    public int problemStatus() {
        return status;
    }

    /** The stable code of the problem: {@code conflict}, {@code not-found}, {@code submission-incomplete}, … */
    public String problemType() {
        return type;
    }

    /** A title of the problem's own, in the caller's language, or {@code null} for the status's title. */
    public String problemTitle() {
        return null;
    }

    /** The problem's properties beside status, type, title and detail (evaluated when answered). */
    public Map<String, Object> problemProperties() {
        return Map.of();
    }

    /** The RFC 9457 answer. */
    public final ProblemDetail problem() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(problemStatus()), getMessage());
        p.setType(URI.create("urn:yunjian:problem:" + problemType()));
        String title = problemTitle();
        if (title != null) {
            p.setTitle(title);
        }
        problemProperties().forEach(p::setProperty);
        return p;
    }
}
