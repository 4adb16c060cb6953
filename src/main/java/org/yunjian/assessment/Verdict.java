package org.yunjian.assessment;

import java.util.Arrays;
import java.util.List;
import org.yunjian.catalog.Requirement;

/** 测评结论 of one test item; display names are {@code enum.Verdict.<CONSTANT>} in the bundles. */
public enum Verdict {
    COMPLIANT,
    PARTIALLY_COMPLIANT,
    NON_COMPLIANT,
    NOT_APPLICABLE;

    /** 不符合 and 部分符合 are findings: they carry a risk level and open a remediation task. */
    public boolean isFinding() {
        return this == PARTIALLY_COMPLIANT || this == NON_COMPLIANT;
    }

    /**
     * The 部分符合 rule: an 等保 item whose guide defines no 部分符合 situation cannot be judged partially
     * compliant; every other item (checklists, an item the catalog no longer has) may take any verdict.
     */
    public boolean allowedFor(Requirement requirement) {
        return this != PARTIALLY_COMPLIANT
                || requirement == null
                || requirement.mlps() == null
                || requirement.mlps().criteria().partiallyCompliant() != null;
    }

    /** The verdicts a form offers for {@code requirement}, in order. */
    public static List<Verdict> offeredFor(Requirement requirement) {
        return Arrays.stream(values()).filter(v -> v.allowedFor(requirement)).toList();
    }
}
