package org.yunjian.exitproject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Msg;

/**
 * The status machine of an exit project with its preconditions. A move the machine does not allow is an
 * {@code illegal-transition} conflict; an allowed move whose precondition does not hold is a {@code precondition}
 * conflict naming what is missing:
 * <ul>
 *   <li>移交 → 核验: the customer approved the hand-over inventory (JR/T 8.1.3 第2段) and it holds a signed manifest;</li>
 *   <li>核验 → 删除: a verification run came back clean (GB/T 31167 9.3);</li>
 *   <li>删除 → 完成: the deletion certificate was issued.</li>
 * </ul>
 * A precondition names its clause as {@link ExitClauses} labels it.
 */
public final class ExitProject {

    /** What the preconditions look at. */
    public record Facts(
            boolean inventoryApproved, int manifests, boolean cleanVerification, boolean certificateIssued) {}

    private ExitStatus status;
    private final ExitClauses clauses;

    public ExitProject(ExitStatus status, ExitClauses clauses) {
        this.status = Objects.requireNonNull(status);
        this.clauses = Objects.requireNonNull(clauses);
    }

    public ExitStatus status() {
        return status;
    }

    /** Moves to {@code target} or throws {@link ConflictException}; changes nothing on failure. */
    public ExitProject moveTo(ExitStatus target, Facts facts) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException(
                    "exit-illegal-transition", "exitproject.conflict.illegalTransition", label(status), label(target));
        }
        List<Msg> missing = new ArrayList<>();
        switch (target) {
            case VERIFICATION -> {
                if (!facts.inventoryApproved()) {
                    missing.add(Msg.of(
                            "exitproject.precondition.inventoryApproved",
                            clauses.cited(ExitClauses.DATA_LIST_APPROVAL)));
                }
                if (facts.manifests() == 0) {
                    missing.add(Msg.of("exitproject.precondition.manifest"));
                }
            }
            case DELETION -> {
                if (!facts.cleanVerification()) {
                    missing.add(Msg.of(
                            "exitproject.precondition.cleanVerification", clauses.cited(ExitClauses.VERIFICATION)));
                }
            }
            case CLOSED -> {
                if (!facts.certificateIssued()) {
                    missing.add(Msg.of("exitproject.precondition.certificate"));
                }
            }
            default -> {
                // PLANNING → HANDOVER and VERIFICATION → HANDOVER have no precondition
            }
        }
        if (!missing.isEmpty()) {
            throw new ConflictException(
                    "exit-precondition",
                    "exitproject.conflict.precondition",
                    label(status),
                    label(target),
                    joined(missing));
        }
        status = target;
        return this;
    }

    /** Throws a {@code wrong-phase} conflict unless the project is in one of {@code allowed}. */
    public void requirePhase(String what, ExitStatus... allowed) {
        for (ExitStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        List<Msg> phases = new ArrayList<>();
        for (ExitStatus s : allowed) {
            phases.add(label(s));
        }
        throw new ConflictException(
                "exit-wrong-phase",
                "exitproject.conflict.wrongPhase",
                Msg.of("exitproject.record." + what),
                joined(phases),
                label(status));
    }

    /** Several texts as one, in the reader's language ({@code 、} in Chinese, a comma in English). */
    private static Msg joined(List<Msg> parts) {
        return Msg.joined("exitproject.list.and", parts);
    }

    private static Msg label(ExitStatus s) {
        return Msg.of("exitproject.status." + s.name());
    }
}
