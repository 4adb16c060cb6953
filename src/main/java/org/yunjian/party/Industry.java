package org.yunjian.party;

import java.util.Optional;
import org.yunjian.shared.Labelled;

/** Industry of the cloud service customer, which selects the sector guides that apply. */
public enum Industry implements Labelled {
    GOVERNMENT_WEBSITE,
    SECURITIES_FUTURES,
    OTHER;

    /**
     * The catalog code of the sector guide written for this industry: 政府网站云计算服务安全指南 ({@code GOVWEB}) or
     * JR/T 证券期货业云技术应用安全规范 ({@code JRT-SF}); none for other industries.
     */
    public Optional<String> sectorStandard() {
        return switch (this) {
            case GOVERNMENT_WEBSITE -> Optional.of("GOVWEB");
            case SECURITIES_FUTURES -> Optional.of("JRT-SF");
            case OTHER -> Optional.empty();
        };
    }
}
