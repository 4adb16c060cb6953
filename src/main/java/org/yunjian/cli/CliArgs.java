package org.yunjian.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.shared.Texts;

/**
 * The arguments of a {@code yunjian} command without its {@code --lang X} / {@code --lang=X}, and the language that
 * names (else the OS locale), one of those the bundles have. Every command line reads its language this one way, and
 * finds its command first whatever global options precede it ({@link #globalsLast}).
 */
public record CliArgs(Locale locale, String[] rest) {

    public static CliArgs of(String... args) {
        List<String> rest = new ArrayList<>();
        Locale locale = supported(Locale.getDefault());
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--lang=")) {
                locale = supported(Locale.forLanguageTag(args[i].substring("--lang=".length())));
            } else if (args[i].equals("--lang") && i + 1 < args.length) {
                locale = supported(Locale.forLanguageTag(args[++i]));
            } else {
                rest.add(args[i]);
            }
        }
        return new CliArgs(locale, rest.toArray(String[]::new));
    }

    /**
     * As {@link Texts#supported}, without loading the bundles: a client run that prints JSON reads none (issue 61).
     */
    static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * {@code args} with the global options written before the command moved behind it ({@code yunjian --server URL
     * --lang=en monitors list} as {@code yunjian monitors list --server URL --lang=en}), so that the first argument
     * names the command whichever way round the user wrote them. The global options are {@code --lang} and
     * {@code --server} ({@link #isGlobal}); each command reads them wherever they stand. Issue 56: a leading
     * {@code --server URL} was taken for a server's own option, and a whole server started in the working directory.
     */
    public static String[] globalsLast(String... args) {
        int n = 0;
        while (n < args.length && isGlobal(args[n])) {
            n += args[n].contains("=") || n + 1 == args.length ? 1 : 2;
        }
        n = Math.min(n, args.length);
        if (n == 0) {
            return args;
        }
        List<String> all = new ArrayList<>(List.of(args).subList(n, args.length));
        all.addAll(List.of(args).subList(0, n));
        return all.toArray(String[]::new);
    }

    /**
     * Makes the user's language, as the environment names it ({@code LC_ALL}, else {@code LC_MESSAGES}, else
     * {@code LANG}, as POSIX orders them), the JVM's default. The JVM takes it from the C library, which ignores a
     * language whose locale is not installed ({@code LANG=zh_CN.UTF-8} on a machine with only {@code C.UTF-8}) and
     * falls back to English: issue 61 found English help under {@code zh_CN}. {@code C} and {@code POSIX} name no
     * language and change nothing. Called once, first thing in {@code Application.main}.
     */
    public static void adoptUserLanguage(java.util.function.Function<String, String> env) {
        Locale named = userLanguage(env);
        if (named != null) {
            Locale.setDefault(named);
        }
    }

    /** The language the environment names ({@code zh_CN.UTF-8} → zh-CN), or null when it names none. */
    static Locale userLanguage(java.util.function.Function<String, String> env) {
        for (String variable : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = env.apply(variable);
            if (value == null || value.isBlank()) {
                continue;
            }
            String tag = value.strip().split("[.@]", 2)[0];
            if (tag.isEmpty() || tag.equals("C") || tag.equals("POSIX")) {
                return null;
            }
            Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
            return locale.getLanguage().isEmpty() ? null : locale;
        }
        return null;
    }

    /** Whether {@code arg} is a global option of the command line: {@code --lang X}, {@code --server URL} (or with =). */
    public static boolean isGlobal(String arg) {
        for (String option : GLOBAL) {
            if (arg.equals(option) || arg.startsWith(option + "=")) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> GLOBAL = List.of("--lang", "--server");

    /** Makes this language the one every text of the run is looked up in, and returns the other arguments. */
    public String[] use() {
        LocaleContextHolder.setDefaultLocale(locale);
        LocaleContextHolder.setLocale(locale);
        return rest;
    }
}
