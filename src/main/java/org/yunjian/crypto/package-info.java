/**
 * National (商用密码) cryptography for the platform — SM3 digests, HMAC-SM3, SM2 keys, PEM and signatures, SM4-GCM — as
 * a small, Spring-free API over BouncyCastle's low-level classes and one shared provider instance.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Cryptography",
        allowedDependencies = {})
package org.yunjian.crypto;
