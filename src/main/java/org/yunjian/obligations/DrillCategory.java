package org.yunjian.obligations;

import java.util.List;
import java.util.Optional;

/**
 * What a drill rehearsed. 政府网站指南 8.5 b) asks "每两年至少开展各典型类别安全事件的应急演练一次" — per typical category,
 * so a drill of one category does not satisfy another's. The guide names no categories; its normative references
 * list "GB/Z 20986-2007  信息安全技术  信息安全事件分类分级指南", whose basic categories are the first six here (其他 has no
 * obligation of its own). {@link #INDUSTRY_JOINT} is the securities and futures industry's joint drill: it completes
 * the customer's part (JR/T 6.3.3 / 6.4.3 "受托方应配合委托方参与证券期货业应急演练") and the 行业云 operator's (7.3
 * "行业云应参与证券期货业信息安全联合应急演练").
 */
public enum DrillCategory {
    MALWARE(ObligationKind.DRILL_MALWARE),
    NETWORK_ATTACK(ObligationKind.DRILL_NETWORK_ATTACK),
    INFORMATION_DESTRUCTION(ObligationKind.DRILL_INFORMATION_DESTRUCTION),
    INFORMATION_CONTENT(ObligationKind.DRILL_INFORMATION_CONTENT),
    EQUIPMENT_FAILURE(ObligationKind.DRILL_EQUIPMENT_FAILURE),
    DISASTER(ObligationKind.DRILL_DISASTER),
    INDUSTRY_JOINT(ObligationKind.INDUSTRY_JOINT_DRILL, ObligationKind.OPERATOR_JOINT_DRILL),
    OTHER();

    private final List<ObligationKind> obligations;

    DrillCategory(ObligationKind... obligations) {
        this.obligations = List.of(obligations);
    }

    /** The (first) obligation only a drill of this category satisfies, if there is one: the customer's. */
    public Optional<ObligationKind> obligation() {
        return obligations.stream().findFirst();
    }

    /** Every obligation only a drill of this category satisfies (the joint drill: the customer's and the operator's). */
    public List<ObligationKind> obligations() {
        return obligations;
    }
}
