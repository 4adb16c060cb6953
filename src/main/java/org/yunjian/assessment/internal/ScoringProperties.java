package org.yunjian.assessment.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yunjian.assessment.scoring.*}: the thresholds of the 2025 template's conclusion (policy {@code mlps-2025},
 * docs/scoring.md says where each default comes from). Published readings of the template differ, so each one
 * can be set.
 *
 * @param mlps2025 the 符合 / 基本符合 / 不符合 thresholds
 */
@ConfigurationProperties("yunjian.assessment.scoring")
public record ScoringProperties(@DefaultValue Mlps2025 mlps2025) {

    public ScoringProperties {
        mlps2025 = mlps2025 == null ? Mlps2025.DEFAULTS : mlps2025;
    }

    /**
     * @param conformsMinRate   符合 needs a rate of at least this (percent; 0 = no rate condition; 100, the default,
     *                          = no finding of any risk level, since every finding scores below 1)
     * @param conformsMaxMedium 符合 allows at most this many medium-risk findings
     * @param basicMinRate      基本符合 needs a rate of at least this (percent; 0 = no rate condition)
     * @param basicMaxHigh      基本符合 (and 符合) allow at most this many high-risk findings
     */
    public record Mlps2025(
            @DefaultValue("100") double conformsMinRate,
            @DefaultValue("0") int conformsMaxMedium,
            @DefaultValue("70") double basicMinRate,
            @DefaultValue("0") int basicMaxHigh) {

        /**
         * The platform's defaults (docs/standards/platform-defaults.md): none of the standards' texts sets them. The
         * 基本符合 rate 70 is carried over from the 中 band of {@code gb-default} (the platform's 2021-template rules).
         */
        public static final Mlps2025 DEFAULTS = new Mlps2025(100, 0, 70, 0);

        public Mlps2025 {
            if (conformsMinRate < 0 || conformsMinRate > 100 || basicMinRate < 0 || basicMinRate > 100) {
                throw new IllegalArgumentException("yunjian.assessment.scoring.mlps2025.rate-out-of-range");
            }
            if (conformsMaxMedium < 0 || basicMaxHigh < 0) {
                throw new IllegalArgumentException("yunjian.assessment.scoring.mlps2025.negative-count");
            }
            if (basicMinRate > conformsMinRate) {
                throw new IllegalArgumentException(
                        "yunjian.assessment.scoring.mlps2025.basic-min-rate-above-conforms-min-rate");
            }
        }

        /** Whether the 基本符合 rate is the platform's default, not one this installation configured. */
        public boolean basicMinRateIsDefault() {
            return Double.compare(basicMinRate, DEFAULTS.basicMinRate) == 0;
        }
    }
}
