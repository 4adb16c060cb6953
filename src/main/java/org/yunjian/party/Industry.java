package org.yunjian.party;

/** Industry of the cloud service customer, which selects the sector guides that apply. */
public enum Industry implements Labelled {
    GOVERNMENT_WEBSITE("政府网站", "Government website"),
    SECURITIES_FUTURES("证券期货业", "Securities and futures"),
    OTHER("其他行业", "Other");

    private final String zh;
    private final String en;

    Industry(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
