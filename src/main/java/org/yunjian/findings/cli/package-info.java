/** The {@code yunjian assessment import-results | import-poam | imported-findings} commands. */
@org.springframework.modulith.NamedInterface("cli")
package org.yunjian.findings.cli;
