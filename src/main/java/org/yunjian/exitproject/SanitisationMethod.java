package org.yunjian.exitproject;

/**
 * Media sanitisation methods in the terms of NIST SP 800-88 Rev. 1, with the Chinese labels used on the
 * platform: 清除 (clear: overwrite through the normal interface), 净化 (purge: firmware erase, cryptographic erase,
 * degaussing) and 销毁 (destroy: shredding, incineration — the medium can never be used again).
 */
public enum SanitisationMethod {
    CLEAR("清除"), PURGE("净化"), DESTROY("销毁");

    private final String label;

    SanitisationMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
