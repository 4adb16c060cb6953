package org.yunjian.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A class whose risk is not the database's runs in the H2 pass only (issue 37, "run database-independent classes
 * once"): pages, browser journeys, HTTP hardening, rendering, free-text acceptance, CLI help, and the API, page and
 * command classes whose statements other classes also send on PostgreSQL. What such a class sends to the database is
 * not left untried on PostgreSQL: every statement the H2 pass sends must also have been sent by the classes of the
 * PostgreSQL pass, which {@code support.sqlcoverage} checks in every whole build (the enforcer fails it and names the
 * statement and the classes that sent it). The classes whose risk is the database's own — locking, storage and
 * tampering, results computed in SQL, PostgreSQL's server, roles and backups — are listed in
 * {@code sql-coverage/postgres-risk.txt} and may not carry this annotation; {@code tools/postgres-pass.py} proposes the
 * rest from a pass's record of which class sent which statement.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(OnePass.TAG)
public @interface OnePass {

    String TAG = "one-pass";
}
