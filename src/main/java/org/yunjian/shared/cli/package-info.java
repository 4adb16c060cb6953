/**
 * The one base of every {@code yunjian} command that does work ({@link org.yunjian.shared.cli.YunjianCommand}): one
 * exit-code contract and one mapping of the project's refusals to the lines a person reads, for the commands against
 * the database, the client of a running server and the offline toolkit alike.
 */
package org.yunjian.shared.cli;
