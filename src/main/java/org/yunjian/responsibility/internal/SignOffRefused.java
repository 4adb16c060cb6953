package org.yunjian.responsibility.internal;

import java.util.List;
import java.util.Map;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.Approval;
import org.yunjian.responsibility.Violation;
import org.yunjian.shared.Msg;
import org.yunjian.shared.ProblemException;

/**
 * A refused sign-off (409): the version is approved already, the side signed already, or the rules are broken (the
 * problem lists the {@code violations}, quoted from the catalogue).
 */
public final class SignOffRefused extends ProblemException {

    private final transient List<Violation> violations;
    private final transient List<ViolationResponse> quoted;

    private SignOffRefused(Approval.Refusal reason, Msg text, List<Violation> violations, Catalog catalog) {
        super(409, code(reason), text);
        this.violations = List.copyOf(violations);
        this.quoted = ViolationResponse.of(this.violations, catalog);
    }

    static SignOffRefused of(Approval.Refused e, Catalog catalog) {
        List<Violation> v = e.violations();
        Msg text =
                switch (e.reason()) {
                    case ALREADY_APPROVED -> Msg.of("responsibility.conflict.approved");
                    case ALREADY_SIGNED -> Msg.of("responsibility.conflict.signed");
                    case VIOLATIONS ->
                        Msg.of(
                                "responsibility.conflict.violations",
                                v.size(),
                                v.get(0).message());
                };
        return new SignOffRefused(e.reason(), text, v, catalog);
    }

    /** {@code responsibility-approved}, {@code responsibility-signed} or {@code responsibility-violations}. */
    public String code() {
        return problemType();
    }

    private static String code(Approval.Refusal reason) {
        return switch (reason) {
            case ALREADY_APPROVED -> "responsibility-approved";
            case ALREADY_SIGNED -> "responsibility-signed";
            case VIOLATIONS -> "responsibility-violations";
        };
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("violations", quoted);
    }
}
