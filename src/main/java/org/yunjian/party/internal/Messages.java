package org.yunjian.party.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Problem messages in the caller's language: the request's locale in the web, Chinese where there is
 * no request (command line, background work).
 */
@Component("partyMessages")
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocaleContext() == null
                ? Locale.SIMPLIFIED_CHINESE
                : LocaleContextHolder.getLocale();
        return source.getMessage(code, args, code, locale);
    }
}
