/**
 * The {@code yunjian} client of a running server (issue 35): no Spring, no database, the REST API with an API token.
 * Named so that the raw {@code yunjian api} client (security module) shares its connection rules and problem lines.
 */
@org.springframework.modulith.NamedInterface("remote")
package org.yunjian.cli.remote;
