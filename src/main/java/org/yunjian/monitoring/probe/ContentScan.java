package org.yunjian.monitoring.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The content checks of one text, a page's or an attachment's (guide 8.4.1.3 a: 网页及附件): the organisation's
 * harmful words ({@link WordMatcher}) and personal numbers ({@link PrivacyScanner}), as findings whose subjects name
 * {@code where} the text came from.
 */
public final class ContentScan {

    private static final PrivacyScanner PRIVACY = new PrivacyScanner();

    private ContentScan() {}

    /**
     * {@code HARMFUL_CONTENT} findings for the words of {@code matcher}'s list, then {@code PRIVACY_LEAK} findings
     * for personal numbers, in {@code text} found at {@code where} (a page or attachment URI).
     */
    public static List<Finding> of(String text, String where, WordMatcher matcher) {
        List<Finding> findings = new ArrayList<>(matcher.findings(text, where));
        findings.addAll(PRIVACY.findings(text, where));
        return List.copyOf(findings);
    }
}
