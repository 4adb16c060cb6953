/** The {@code yunjian lifecycle} subcommands of this module, grouped under the lifecycle command. */
@org.springframework.modulith.NamedInterface("cli")
package org.yunjian.obligations.cli;
