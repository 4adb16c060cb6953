package org.yunjian.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * A Chinese item of a crosswalk's scope that no control of the other catalog meets, listed with the reviewer's reason
 * (never silently left out).
 *
 * @param item     the item
 * @param reason   why no control meets it (English)
 * @param reasonZh the same in Chinese
 */
public record UnmappedItem(RequirementId item, String reason, String reasonZh) {

    public UnmappedItem {
        Objects.requireNonNull(item, "item");
        if (reason == null || reason.isBlank() || reasonZh == null || reasonZh.isBlank()) {
            throw new IllegalArgumentException("reason");
        }
    }

    /** The reason in {@code locale}'s language: English for English, else Chinese. */
    public String reason(Locale locale) {
        return "en".equals(locale.getLanguage()) ? reason : reasonZh;
    }
}
