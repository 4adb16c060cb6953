/** The {@code yunjian assessment} group: the features mount their subcommands in it by name. */
package org.yunjian.assessment.cli;
