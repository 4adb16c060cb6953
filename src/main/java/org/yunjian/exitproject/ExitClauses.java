package org.yunjian.exitproject;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.Msg;

/**
 * The clauses an exit project names — on its pages, in the deletion certificate (PDF and signed JSON), in REST
 * answers and refusals, in audit texts — each labelled by {@link ClauseLabel} from its catalog item, so a reference
 * reads as the standard prints it ({@code GB/T 31167 9.4 3. 6.}) and never as a hand-written string (before issue 36
 * the bundles said {@code GB/T 31167-2014 9.4 c) 3)} for the same item).
 */
@Component
public final class ExitClauses {

    /** GB/T 31167-2014 §9 退出云计算服务. */
    public static final RequirementId EXIT = RequirementId.of("GBT31167-9");
    /** 9.1 退出要求: the checklist. */
    public static final RequirementId CHECKLIST = RequirementId.of("GBT31167-9.1");
    /** 9.2 确定数据移交范围: the hand-over inventory. */
    public static final RequirementId INVENTORY = RequirementId.of("GBT31167-9.2");
    /** 9.3 验证数据的完整性. */
    public static final RequirementId VERIFICATION = RequirementId.of("GBT31167-9.3");
    /** 9.4 安全删除数据. */
    public static final RequirementId DELETION = RequirementId.of("GBT31167-9.4");
    /** 9.4 1. "退出服务后，要求云服务商按合同要求安全存储客户数据一段时间". */
    public static final RequirementId RETENTION = RequirementId.of("GBT31167-9.4-a");
    /** 9.4 2. "通过书面授权，要求云服务商删除客户数据及所有备份". */
    public static final RequirementId AUTHORISATION = RequirementId.of("GBT31167-9.4-b");
    /** 9.4 3. "要求云服务商安全处置存放客户数据的存储介质". */
    public static final RequirementId MEDIA = RequirementId.of("GBT31167-9.4-c");
    /** 9.4 3. 6. "存放敏感信息的介质清理后不能用于存放公开信息". */
    public static final RequirementId SENSITIVE_MEDIA = RequirementId.of("GBT31167-9.4-c-3");
    /** JR/T 8.1.3: the data list. */
    public static final RequirementId DATA_LIST = RequirementId.of("JRT-SF-8.1.3");
    /** JR/T 8.1.3 第2段 "委托方应评审及批准数据清单的适用性和充分性". */
    public static final RequirementId DATA_LIST_APPROVAL = RequirementId.of("JRT-SF-8.1.3-2");
    /** JR/T 8.2.2: migration and disposal of a private cloud's devices. */
    public static final RequirementId DEVICES = RequirementId.of("JRT-SF-8.2.2");

    private final Catalog catalog;

    public ExitClauses(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The catalog item; the catalog ships every item above (ExitClausesTest checks it). */
    public Requirement requirement(RequirementId id) {
        return catalog.requirement(id).orElseThrow();
    }

    /** The catalog item a stored record names ({@code GBT31167-9.1-a}), if the catalog has it. */
    public Optional<Requirement> find(String requirementId) {
        if (requirementId == null || !RequirementId.isWellFormed(requirementId)) {
            return Optional.empty();
        }
        return catalog.requirement(RequirementId.of(requirementId));
    }

    /** The item's label after its standard's short name ({@link ClauseLabel#cited}), e.g. {@code GB/T 31167 9.3}. */
    public Msg cited(RequirementId id) {
        return ClauseLabel.cited(requirement(id));
    }

    /** The item's own label ({@link ClauseLabel#of}), e.g. {@code 9.1 1.}, for a table under a heading that cites the standard. */
    public Msg label(RequirementId id) {
        return ClauseLabel.of(requirement(id));
    }
}
