package org.yunjian.monitoring;

/**
 * What a monitor checks, after the guide's 8.4.1 (each alert is of one kind): 可用性 (8.4.1.2), 篡改 and 有害信息
 * (8.4.1.3), 暗链 and 挂马 (8.4.1.4), 隐私泄露, the certificate, 域名及IP合规性 (8.4.1.2 b) and dead links.
 */
public enum CheckKind implements org.yunjian.shared.Labelled {
    /** The page answers, with the expected status and keyword, in time (8.4.1.2, 8.4.1.5). */
    AVAILABILITY,
    /** The page's text or resources differ from the approved baseline outside its dynamic regions (8.4.1.3 b). */
    TAMPERING,
    /** A link or frame hidden from the reader, or pointing outside the allowed domains (暗链). */
    HIDDEN_LINK,
    /** A script loaded from a host that is not allowed (挂马). */
    MALICIOUS_SCRIPT,
    /** A word of the organisation's list in the page or a linked attachment (8.4.1.3 a). */
    HARMFUL_CONTENT,
    /** A 身份证号, mobile number or bank card number in the page or a linked attachment. */
    PRIVACY_LEAK,
    /** The certificate: expiry, chain, host name, protocol versions. */
    TLS,
    /** The domain's records against the approved IP list and regions; registration expiry (8.4.1.2 b). */
    DNS,
    /** A link on a monitored page that no longer answers, or whose domain has lapsed. */
    DEAD_LINK
}
