/** The `assessment` command's subcommands of this module, mounted by the workbench's `assessment` command. */
@org.springframework.modulith.NamedInterface("cli")
package org.yunjian.inheritance.cli;
