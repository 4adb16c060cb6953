package org.yunjian.exitproject;

import java.security.KeyPair;

/**
 * The platform's one SM2 signing key pair (kept outside the database, created at first set-up): it signs deletion
 * certificates and the seals of approved assessment reports, and its public key is published for offline checks
 * ({@code yunjian exit verify-certificate}, {@code yunjian report verify}).
 */
public interface PlatformSigningKey {

    KeyPair pair();

    /** The public key as a {@code PUBLIC KEY} PEM block. */
    String publicKeyPem();

    /** SM3 over the public key's SubjectPublicKeyInfo, hex — the {@code signer} in signed files. */
    String fingerprint();
}
