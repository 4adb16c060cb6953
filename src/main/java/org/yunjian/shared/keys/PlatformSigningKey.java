package org.yunjian.shared.keys;

import java.security.KeyPair;

/**
 * The platform's one SM2 signing key pair (kept outside the database, created at first set-up): it signs deletion
 * certificates and the seals of approved assessment reports, and its public key is published for offline checks
 * ({@code yunjian exit verify-certificate}, {@code yunjian report verify}). It lives with the installation's other keys
 * on the ground floor, so the modules that sign (exit projects, reports, monitoring) need no one another for it; its
 * files keep their first names ({@code exitproject-signing.pem}, {@code exitproject-signing.pub.pem}).
 */
public interface PlatformSigningKey {

    KeyPair pair();

    /** The public key as a {@code PUBLIC KEY} PEM block. */
    String publicKeyPem();

    /** SM3 over the public key's SubjectPublicKeyInfo, hex — the {@code signer} in signed files. */
    String fingerprint();
}
