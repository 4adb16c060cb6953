package org.yunjian.security;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Validation messages in the caller's language. */
@Component
class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    String get(String key, Object... args) {
        return source.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
