package org.yunjian.cli;

/**
 * Marker for a picocli {@code @Command} bean that a module contributes as a top-level subcommand
 * of {@code yunjian}. Nested subcommands listed in its annotation are created through Spring.
 */
public interface CliCommand {}
