package org.yunjian.exit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A text of the toolkit kept as its bundle key ({@code messages/exit.properties}) and arguments, rendered in a
 * language only where it is shown: {@link #text()} in the CLI's language, {@link #text(Locale)} in any (the web
 * request's). An argument may itself be an {@code ExitText} (the reason inside "manifest … line 3: …"); other
 * arguments are data — paths, bucket names, numbers, digests — shown as they are.
 */
public record ExitText(String key, Object... args) {

    /** Key of the entry {@code {0}}: a text from outside the bundles (an operating-system error) shown as it is. */
    public static final String VERBATIM = "exit.verbatim";

    public ExitText {
        Objects.requireNonNull(key, "key");
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    /** Rendered in the CLI's language ({@code --lang}, else the JVM's default). */
    public String text() {
        return ExitTexts.get(key, args);
    }

    public String text(Locale locale) {
        return ExitTexts.get(locale, key, args);
    }

    /** What a caught exception says: its key and arguments when it carries them, else its message as it is. */
    public static ExitText of(Throwable e) {
        if (e instanceof ManifestException m) {
            return m.message();
        }
        if (e instanceof InvalidInputException i) {
            return i.message();
        }
        return new ExitText(VERBATIM, String.valueOf(e.getMessage()));
    }

    /**
     * The text of a stable code that a file of the toolkit records ({@code code}, or {@code code: data}): the bundle
     * entry {@code prefix + code} with {@code data} (mapped by {@code argument}) as its argument; a value the bundles
     * do not know — a sentence written by an older version — is shown as it is.
     */
    public static ExitText ofCode(String prefix, String value, Function<String, Object> argument) {
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(": ");
        String code = colon < 0 ? value : value.substring(0, colon);
        if (code.isEmpty() || code.indexOf(' ') >= 0 || !ExitTexts.has(prefix + code)) {
            return new ExitText(VERBATIM, value);
        }
        return colon < 0
                ? new ExitText(prefix + code)
                : new ExitText(prefix + code, argument.apply(value.substring(colon + 2)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExitText t && key.equals(t.key) && Arrays.equals(args, t.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return args.length == 0 ? key : key + Arrays.toString(args);
    }
}
