#!/usr/bin/env python3
"""Proposes which database classes the PostgreSQL pass needs (issue 37, "CI with margin").

Usage, after a whole build (./mvnw verify records which class sent which statement in each pass):

    tools/postgres-pass.py target/sql-coverage/h2-classes.tsv target/surefire-reports-postgres

Every statement the H2 pass sent must be sent in the PostgreSQL pass as well (support.sqlcoverage checks it). The
classes listed in src/test/resources/sql-coverage/postgres-risk.txt run on PostgreSQL whatever they send; the tool then
adds, cheapest first by their PostgreSQL time, classes until every statement has a sender, and prints the database
classes that are left: those may be marked @OnePass. A statement is credited to the class on whose thread it was sent;
one sent on another thread (a served HTTP request, a scheduled job) to every class running then (marked "~"): where a
statement has no exact sender, every class credited with it is kept (run b of 2026-11-26 showed why: the pages the
whole-product crawl requests over HTTP were credited to its neighbours too, and dropping the crawl left 8 statements
unsent). And a test that sends the very text a repository sends (a count of audit entries by action, say) is credited
as that repository's sender; run c showed that one too. The build's check, not this tool, is the proof.
"""
import glob
import os
import re
import sys

RISK = os.path.join(os.path.dirname(__file__), '..', 'src', 'test', 'resources', 'sql-coverage', 'postgres-risk.txt')


def class_times(reports):
    times = {}
    for f in glob.glob(os.path.join(reports, 'TEST-*.xml')):
        head = open(f, encoding='utf-8', errors='replace').read(3000)
        suite = re.search(r'<testsuite [^>]*', head).group(0)
        name = re.search(r' name="([^"]+)"', suite).group(1).split('.')[-1]
        times[name] = float(re.search(r' time="([0-9.,]+)"', suite).group(1).replace(',', ''))
    return times


def senders_by_statement(tsv):
    statements = {}
    for line in open(tsv, encoding='utf-8'):
        line = line.rstrip('\n')
        if '\t' not in line:
            continue
        classes, sql = line.split('\t', 1)
        names = [c for c in classes.split(',') if c]
        exact = {c.split('.')[-1] for c in names if not c.startswith('~')}
        co_running = {c[1:].split('.')[-1] for c in names if c.startswith('~')}
        statements[sql] = (exact, co_running)
    return statements


def main(tsv, reports):
    cost = class_times(reports)
    risk = {l.strip() for l in open(RISK, encoding='utf-8') if l.strip() and not l.startswith('#')}
    statements = senders_by_statement(tsv)
    candidates = set(cost)

    def senders(sql):
        exact, co_running = statements[sql]
        return (exact & candidates) or (co_running & candidates)

    chosen = risk & candidates
    for sql, (exact, co_running) in statements.items():
        if not exact & candidates:
            chosen |= co_running & candidates
    todo = {s for s in statements if senders(s) and not senders(s) & chosen}
    while todo:
        gains = {c: sum(1 for s in todo if c in senders(s)) for c in candidates - chosen}
        best = max((c for c in gains if gains[c]), key=lambda c: gains[c] / max(cost[c], 0.2), default=None)
        if best is None:
            break
        chosen.add(best)
        print(f'+ {best:45s} sends {gains[best]:3d} statements no chosen class sends; {cost[best]:6.1f} s')
        todo = {s for s in todo if best not in senders(s)}
    unsent = [s for s in statements if not senders(s)]
    for s in unsent:
        print('  no PostgreSQL-pass class sent it in the H2 pass:', s[:140])
    print(f'{len(chosen)} classes, {sum(cost[c] for c in chosen):.0f} s of {sum(cost.values()):.0f} s')
    print('may be @OnePass:', ' '.join(sorted(candidates - chosen)))


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
