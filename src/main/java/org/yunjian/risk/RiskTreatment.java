package org.yunjian.risk;

/** How a finding's risk is treated: 整改 (remediate), 接受 (accept, with approval and expiry), 转移 (transfer). */
public enum RiskTreatment {
    REMEDIATE,
    ACCEPT,
    TRANSFER
}
