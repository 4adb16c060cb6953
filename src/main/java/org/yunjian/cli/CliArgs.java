package org.yunjian.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.shared.Texts;

/**
 * The arguments of a {@code yunjian} command without its {@code --lang X} / {@code --lang=X}, and the language that
 * names (else the OS locale), one of those the bundles have. Every command line reads its language this one way.
 */
public record CliArgs(Locale locale, String[] rest) {

    public static CliArgs of(String... args) {
        List<String> rest = new ArrayList<>();
        Locale locale = Texts.supported(Locale.getDefault());
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--lang=")) {
                locale = Texts.supported(Locale.forLanguageTag(args[i].substring("--lang=".length())));
            } else if (args[i].equals("--lang") && i + 1 < args.length) {
                locale = Texts.supported(Locale.forLanguageTag(args[++i]));
            } else {
                rest.add(args[i]);
            }
        }
        return new CliArgs(locale, rest.toArray(String[]::new));
    }

    /**
     * {@code args} with a leading {@code --lang} moved behind the command ({@code yunjian --lang=en exit verify …}
     * as {@code yunjian exit verify … --lang=en}), so that the first argument names the command whichever way round
     * the user wrote them.
     */
    public static String[] languageLast(String... args) {
        int n = args.length > 0 && args[0].startsWith("--lang=")
                ? 1
                : args.length > 1 && args[0].equals("--lang") ? 2 : 0;
        if (n == 0) {
            return args;
        }
        List<String> all = new ArrayList<>(List.of(args).subList(n, args.length));
        all.addAll(List.of(args).subList(0, n));
        return all.toArray(String[]::new);
    }

    /** Makes this language the one every text of the run is looked up in, and returns the other arguments. */
    public String[] use() {
        LocaleContextHolder.setDefaultLocale(locale);
        LocaleContextHolder.setLocale(locale);
        return rest;
    }
}
