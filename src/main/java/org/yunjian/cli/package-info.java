/** The {@code yunjian} command line: a root command that gathers the subcommands other modules contribute. */
@org.springframework.modulith.ApplicationModule(displayName = "CLI")
package org.yunjian.cli;
