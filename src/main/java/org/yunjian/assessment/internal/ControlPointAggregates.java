package org.yunjian.assessment.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.ScoringPolicy.ScoredItem;
import org.yunjian.assessment.internal.Dashboards.ControlPointRow;

/** The across-systems dashboard's control-point table, aggregated from the latest assessments' scores. */
final class ControlPointAggregates {

    private ControlPointAggregates() {
    }

    /**
     * Aggregates by control point over several assessments' items (one pass): per control point the systems
     * assessing it, those with a finding there, the item counts and the rate over all scored items (the
     * policy's item scores: 符合 1, 部分符合 0.5, 不符合 0 in the default policy).
     */
    record Scored(List<ScoredItem> items, ScoreResult score) {
    }

    static List<ControlPointRow> of(List<Scored> assessments) {
        record Key(String layer, String controlPoint) {
        }
        class Acc {
            int systems;
            int failing;
            int[] n = new int[4];
            double score;
            int scored;
        }
        Map<Key, Acc> by = new LinkedHashMap<>();
        for (Scored scored : assessments) {
            List<ScoredItem> items = scored.items();
            ScoreResult score = scored.score();
            Map<String, String> layerOf = new HashMap<>();
            Set<String> failing = items.stream().filter(i -> i.verdict() != null && i.verdict().isFinding())
                    .map(ScoredItem::controlPoint).collect(Collectors.toSet());
            items.forEach(i -> layerOf.putIfAbsent(i.controlPoint(), i.layer()));
            for (ScoreResult.Group g : score.byControlPoint()) {
                Acc a = by.computeIfAbsent(new Key(layerOf.get(g.name()), g.name()), k -> new Acc());
                a.systems++;
                if (failing.contains(g.name())) {
                    a.failing++;
                }
                a.n[0] += g.compliant();
                a.n[1] += g.partiallyCompliant();
                a.n[2] += g.nonCompliant();
                a.n[3] += g.notApplicable();
                a.score += g.score();
                a.scored += g.scored();
            }
        }
        return by.entrySet().stream()
                .map(e -> new ControlPointRow(e.getKey().layer(), e.getKey().controlPoint(), e.getValue().systems,
                        e.getValue().failing, e.getValue().n[0], e.getValue().n[1], e.getValue().n[2],
                        e.getValue().n[3], e.getValue().scored == 0 ? 0
                        : Math.round(e.getValue().score / e.getValue().scored * 10000) / 100.0))
                .sorted(Comparator.comparingInt(ControlPointRow::systemsWithFindings).reversed()
                        .thenComparing(Comparator.comparingInt(ControlPointRow::nonCompliant).reversed())
                        .thenComparingDouble(ControlPointRow::rate))
                .toList();
    }
}
