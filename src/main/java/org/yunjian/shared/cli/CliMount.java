package org.yunjian.shared.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Mounts a picocli {@code @Command} of a feature in the {@code yunjian} command tree by the name of its group (ADR 012,
 * issue 61): {@code @CliMount(CliMount.TOP)} for a group a feature owns ({@code yunjian lifecycle} from
 * {@code lifecycle}, {@code yunjian assessment} from {@code assessment}), {@code @CliMount("assessment")} for a
 * subcommand another feature adds to that group ({@code yunjian assessment risks} from {@code risk}). No feature
 * imports another's {@code cli} package to list its commands; {@code org.yunjian.cli.CliMounts} finds the mounted
 * commands on the class path and adds them, in {@link #order} (then by class name), to the Spring CLI and to the help
 * that runs without Spring.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CliMount {

    /** The name of the top level ({@code yunjian} itself). */
    String TOP = "yunjian";

    /** The group this command is mounted in: {@link #TOP}, or a group's name ({@code assessment}). */
    String value();

    /** Where the command stands among the group's subcommands in help (lower first). */
    int order() default 1000;
}
