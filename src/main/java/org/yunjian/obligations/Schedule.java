package org.yunjian.obligations;

/**
 * How an obligation falls due, as the clause it comes from says (issue 59):
 *
 * <ul>
 *   <li>{@link #EVERY_INTERVAL} — periodically (“定期”, “每年”, “每两年…一次”): the last completion plus the interval, or
 *       the start date if never done;
 *   <li>{@link #ONCE_WITHIN} — once, within the interval from its start (JR/T 6.3.1 / 6.4.1 “在开展托管业务两年内宜通过…
 *       认证”: due two years after the hosting began, then done — the text asks for no renewal);
 *   <li>{@link #ON_REQUEST} — when the customer asks (JR/T 7.3 “受托方应依照委托方要求，向委托方提供…必要证据”): due on the
 *       day the customer's request names; nothing is due while no request is open.
 * </ul>
 */
public enum Schedule {
    EVERY_INTERVAL,
    ONCE_WITHIN,
    ON_REQUEST
}
