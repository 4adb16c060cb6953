package org.yunjian.procurement;

/** The document a required clause belongs in: the service contract, the SLA (服务水平协议) or the NDA (保密协议). */
public enum AgreementDocument {
    CONTRACT,
    SLA,
    NDA
}
