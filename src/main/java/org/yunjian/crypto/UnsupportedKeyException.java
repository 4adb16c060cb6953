package org.yunjian.crypto;

/** A key whose algorithm or parameters this module does not sign, verify or encrypt with. */
public class UnsupportedKeyException extends IllegalArgumentException {
    public UnsupportedKeyException(String message) {
        super(message);
    }
}
