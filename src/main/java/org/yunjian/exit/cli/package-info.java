/**
 * The offline commands {@code yunjian exit …} and {@code yunjian keys …} (plain picocli, no Spring), exposed so that
 * {@code Application.main} can hand them the arguments before any Spring code runs.
 */
@org.springframework.modulith.NamedInterface("cli")
package org.yunjian.exit.cli;
