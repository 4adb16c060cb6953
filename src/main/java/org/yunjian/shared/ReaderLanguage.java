package org.yunjian.shared;

import java.util.Locale;
import java.util.UUID;

/**
 * The language a person reads what the platform sends them in — e-mails of every kind — as they chose it in their
 * notification settings ({@code notification} implements it); Chinese without a choice. A module that mails people
 * and may not depend on {@code notification} (the obligations' reminders) asks through this.
 */
public interface ReaderLanguage {

    /** {@code userId}'s language: {@link Texts#CHINESE} or {@link Texts#ENGLISH}. */
    Locale languageOf(UUID userId);

    /** {@code userId}'s language by the first of {@code languages}, Chinese when there is none. */
    static Locale of(org.springframework.beans.factory.ObjectProvider<ReaderLanguage> languages, UUID userId) {
        ReaderLanguage l = languages.getIfAvailable();
        return l == null || userId == null ? Texts.CHINESE : Texts.supported(l.languageOf(userId));
    }
}
