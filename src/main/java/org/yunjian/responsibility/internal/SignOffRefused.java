package org.yunjian.responsibility.internal;

import java.util.List;

import org.yunjian.responsibility.Approval;
import org.yunjian.responsibility.Violation;
import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.Msg;

/** A refused sign-off (409): the version is approved already, the side signed already, or the rules are broken. */
public final class SignOffRefused extends LocalizedException {

    private final Approval.Refusal reason;
    private final transient List<Violation> violations;

    private SignOffRefused(Approval.Refusal reason, Msg text, List<Violation> violations) {
        super(text, null);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    static SignOffRefused of(Approval.Refused e) {
        List<Violation> v = e.violations();
        Msg text = switch (e.reason()) {
            case ALREADY_APPROVED -> Msg.of("responsibility.conflict.approved");
            case ALREADY_SIGNED -> Msg.of("responsibility.conflict.signed");
            case VIOLATIONS -> Msg.of("responsibility.conflict.violations", v.size(), v.get(0).message());
        };
        return new SignOffRefused(e.reason(), text, v);
    }

    /** {@code responsibility-approved}, {@code responsibility-signed} or {@code responsibility-violations}. */
    public String code() {
        return switch (reason) {
            case ALREADY_APPROVED -> "responsibility-approved";
            case ALREADY_SIGNED -> "responsibility-signed";
            case VIOLATIONS -> "responsibility-violations";
        };
    }

    public List<Violation> violations() {
        return violations;
    }
}
