package org.yunjian.catalog;

import org.yunjian.shared.Labelled;

/**
 * Normalised lifecycle phase, so that requirements of different standards line up. Each standard's
 * own phase terms map onto these (see {@link Standard#phaseTerms()}).
 */
public enum Phase implements Labelled {
    /** 规划准备 (gov guide, JR/T); T/CCIA 开发与建设 for the customer's preparation. */
    PLANNING,
    /** 部署迁移 (gov guide), 服务获取 (JR/T), provider selection and contracting. */
    ACQUISITION_MIGRATION,
    /** 运行管理 (gov guide), 运行监督 (JR/T), 运行 (T/CCIA). */
    OPERATION,
    /** 退出服务 (gov guide), 服务退出 (JR/T), 迁移与退出 (T/CCIA), GB/T 31167 §9. */
    EXIT
}
