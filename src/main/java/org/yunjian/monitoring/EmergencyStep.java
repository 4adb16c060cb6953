package org.yunjian.monitoring;

/**
 * The steps of the guide's emergency handling of a website that shows 非法信息 or was tampered with (政府网站云计算服务
 * 安全指南 7.3.7 b) 1): "应立即向云服务商和上级领导报告，停止系统运行，启用备份系统，情况严重的，立即报告应急办并向网信、
 * 电信、公安等部门举报"; 8.5 d): "按照应急预案的要求及时组织应急处置并记录"), in the order the guide gives them. Each is
 * recorded on the alert once it was done — when, and to whom or how — and never changed afterwards. The last two are
 * for serious cases only ({@link #seriousOnly()}): the guide does not ask them of every alert.
 */
public enum EmergencyStep implements org.yunjian.shared.Labelled {
    /** 8.5 d): the system's emergency plan for this event started (the plan named when the system has one). */
    PLAN_STARTED,
    /** 7.3.7 b) 1): 向云服务商报告. */
    REPORTED_TO_PROVIDER,
    /** 7.3.7 b) 1): 向上级领导报告. */
    REPORTED_TO_LEADERSHIP,
    /** 7.3.7 b) 1): 停止系统运行 (the site taken off line). */
    SITE_STOPPED,
    /** 7.3.7 b) 1): 启用备份系统. */
    BACKUP_SYSTEM_STARTED,
    /** 7.3.7 b) 1), serious cases: 立即报告应急办. */
    REPORTED_TO_EMERGENCY_OFFICE,
    /** 7.3.7 b) 1), serious cases: 向网信、电信、公安等部门举报. */
    REPORTED_TO_AUTHORITIES;

    /** Whether the guide asks this step only "情况严重的". */
    public boolean seriousOnly() {
        return this == REPORTED_TO_EMERGENCY_OFFICE || this == REPORTED_TO_AUTHORITIES;
    }

    /** Whether recording the step names the emergency plan started. */
    public boolean namesPlan() {
        return this == PLAN_STARTED;
    }
}
