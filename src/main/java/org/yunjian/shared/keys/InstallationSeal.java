package org.yunjian.shared.keys;

/**
 * The installation's own keys, for files it writes outside the database that must be recognised later as its own
 * and unaltered (backup manifests): an SM2 signature with the audit anchor key and an HMAC-SM3 with the audit HMAC
 * key. The keys stay in the key directory; implemented by the audit module, which holds them.
 */
public interface InstallationSeal {

    /** SM2 signature (SM3withSM2, DER) of {@code data} with the anchor private key. */
    byte[] sign(byte[] data);

    /** HMAC-SM3 of {@code data} with the audit HMAC key. */
    byte[] mac(byte[] data);
}
