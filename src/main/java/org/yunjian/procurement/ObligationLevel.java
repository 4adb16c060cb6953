package org.yunjian.procurement;

import java.util.regex.Pattern;

/**
 * Whether a requirement is mandatory or recommended, read from the standard's own wording, since the catalog does not
 * record an obligation level: a text that says 应, 须, 不得 or 禁止 (outside words such as 相应, 应用, 响应, 供应) is
 * mandatory; one that only says 宜 or 可 is recommended; a text that says neither (a list item such as "明确服务的范围……")
 * takes the level of the lead-in it completes. An item that lists what a document or activity must contain — its
 * lead-in says it 应包括 / 应包含 it ("服务水平协议应包括但不限于如下内容：") — has the lead-in's level whatever its own
 * wording: JR/T 6.3.3 "明确受托方云计算系统宜遵从的技术和管理标准……" is a content the SLA shall include; its 宜 qualifies the
 * standards the provider follows, not whether the SLA states them.
 */
public enum ObligationLevel {
    MANDATORY,
    RECOMMENDED;

    /** Compound words in which 应 does not mean "shall". */
    private static final Pattern NOT_SHALL = Pattern.compile(
            "\u76f8\u5e94|\u5e94\u7528|\u54cd\u5e94|\u4f9b\u5e94|\u9002\u5e94|\u5bf9\u5e94|\u5e94\u6025|\u53cd\u5e94");

    private static final Pattern SHALL = Pattern.compile("\u5e94|\u987b|\u4e0d\u5f97|\u7981\u6b62");
    private static final Pattern SHOULD = Pattern.compile("\u5b9c|\u53ef");
    /** A lead-in that lists required contents: 应包括, 应包含. */
    private static final Pattern CONTENTS = Pattern.compile("\u5e94\u5305[\u62ec\u542b]");
    /**
     * Compound words in which 可 does not mean "may" (可能涉及, 可执行程序, 可用性, 可移植性, 许可 …): GB/T 31167 9.2 2.
     * "程序代码。…在合同或其他协议中明确是否移交可执行程序…可能涉及的内容包括" states no level of its own.
     */
    private static final Pattern NOT_MAY = Pattern.compile("\u53ef\u80fd|\u53ef\u6267\u884c|\u53ef\u7528|"
            + "\u53ef\u9760|\u53ef\u4fe1|\u53ef\u79fb\u690d|\u53ef\u8fc1\u79fb|\u53ef\u6301\u7eed|"
            + "\u53ef\u6269\u5c55|\u53ef\u63a7|\u53ef\u89c6|\u53ef\u8ffd\u6eaf|\u8bb8\u53ef|\u8ba4\u53ef");

    /**
     * The level the text states, or the lead-in's when it states none; recommended if neither states one.
     *
     * @param text   the requirement's text, verbatim
     * @param leadIn the text of the lead-in the item completes (parent item or section), or null
     */
    public static ObligationLevel of(String text, String leadIn) {
        if (listsRequiredContents(leadIn)) {
            return MANDATORY;
        }
        ObligationLevel own = stated(text);
        if (own != null) {
            return own;
        }
        ObligationLevel inherited = stated(leadIn);
        return inherited == null ? RECOMMENDED : inherited;
    }

    /**
     * The level of a catalog item: its own wording, else that of the nearest lead-in above it (parent items, then the
     * section) that states one; recommended if none does. An item whose lead-in lists the contents something 应包括 is
     * mandatory.
     */
    public static ObligationLevel of(org.yunjian.catalog.Requirement item, org.yunjian.catalog.Catalog catalog) {
        if (item.parentId()
                .flatMap(catalog::requirement)
                .map(p -> listsRequiredContents(p.text()))
                .orElse(false)) {
            return MANDATORY;
        }
        org.yunjian.catalog.Requirement at = item;
        for (int depth = 0; at != null && depth < 10; depth++) {
            ObligationLevel own = stated(at.text());
            if (own != null) {
                return own;
            }
            at = at.parentId().flatMap(catalog::requirement).orElse(null);
        }
        return RECOMMENDED;
    }

    /** Whether {@code leadIn} says that what follows shall be contained (应包括 / 应包含) in a document or activity. */
    static boolean listsRequiredContents(String leadIn) {
        return leadIn != null && CONTENTS.matcher(leadIn).find();
    }

    static ObligationLevel stated(String text) {
        if (text == null) {
            return null;
        }
        String plain = NOT_SHALL.matcher(text).replaceAll("");
        if (SHALL.matcher(plain).find()) {
            return MANDATORY;
        }
        return SHOULD.matcher(NOT_MAY.matcher(plain).replaceAll("")).find() ? RECOMMENDED : null;
    }
}
