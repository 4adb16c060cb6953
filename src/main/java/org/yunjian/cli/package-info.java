/**
 * The {@code yunjian} command line: a root command that gathers the subcommands other modules contribute, and the
 * client of a running server in {@code cli.remote}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "CLI",
        allowedDependencies = {"crypto", "shared"})
package org.yunjian.cli;
