package org.yunjian.exitproject;

/**
 * Media sanitisation methods in the terms of NIST SP 800-88 Rev. 1, shown by their display names
 * ({@code enum.SanitisationMethod.*}): 清除 (clear: overwrite through the normal interface), 净化 (purge: firmware
 * erase, cryptographic erase, degaussing) and 销毁 (destroy: shredding, incineration — the medium can never be used again).
 */
public enum SanitisationMethod {
    CLEAR,
    PURGE,
    DESTROY
}
