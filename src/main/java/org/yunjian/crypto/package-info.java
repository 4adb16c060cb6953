/**
 * National (商用密码) cryptography for the platform: SM3 digests, HMAC-SM3, SM2 keys, PEM and
 * signatures, SM4-GCM. Small, Spring-free API over BouncyCastle's low-level classes and one shared
 * provider instance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cryptography")
package org.yunjian.crypto;
