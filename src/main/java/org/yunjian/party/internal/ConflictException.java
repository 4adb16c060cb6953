package org.yunjian.party.internal;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The change would break a reference (an organisation still party to a system, a system with engagements). */
public class ConflictException extends ErrorResponseException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        p.setType(URI.create("urn:yunjian:problem:conflict"));
        return p;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
