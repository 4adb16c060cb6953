package org.yunjian.monitoring.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * One certificate of a chain as a person reviews it: subject, issuer, validity, key and signature algorithm and the
 * names it covers (dNSName and iPAddress entries of its subjectAltName). Read with BouncyCastle rather than the JDK,
 * so that an SM2 certificate (GB/T 32918, public key on the curve {@code 1.2.156.10197.1.301}, signed SM3withSM2) is
 * described with its algorithm named {@code SM2}: the JDK parses such a certificate but names neither key nor curve.
 *
 * @param keyAlgorithm {@code RSA}, {@code EC}, {@code SM2}, {@code Ed25519}, {@code Ed448}, {@code DSA}, or the
 *     algorithm's object identifier when it is none of these
 * @param keyBits the modulus length (RSA) or field size (EC, SM2); 0 where not known
 * @param signatureAlgorithm as BouncyCastle names it ({@code SHA256WITHRSA}, {@code SM3WITHSM2}), or its object
 *     identifier
 */
public record CertificateDescription(
        String subject,
        String issuer,
        String serialNumber,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        int keyBits,
        String signatureAlgorithm,
        List<String> subjectAlternativeNames) {

    /** The SM2 curve's (and, in some certificates, the SM2 public key algorithm's) identifier. */
    public static final String SM2_OID = "1.2.156.10197.1.301";

    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    public CertificateDescription {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
    }

    /** The certificate in DER encoding described, or empty when BouncyCastle cannot read it as a certificate. */
    public static Optional<CertificateDescription> read(byte[] der) {
        try {
            return Optional.of(of(new X509CertificateHolder(der)));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * A certificate the JDK has parsed (one a server presented), described through BouncyCastle; from the JDK's own
     * fields if BouncyCastle cannot read it.
     */
    static CertificateDescription of(X509Certificate certificate) {
        try {
            Optional<CertificateDescription> read = read(certificate.getEncoded());
            if (read.isPresent()) {
                return read.get();
            }
        } catch (CertificateEncodingException unreadable) {
            // described from the JDK's fields below
        }
        return new CertificateDescription(
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber().toString(16),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                certificate.getPublicKey().getAlgorithm(),
                0,
                certificate.getSigAlgName(),
                List.of());
    }

    static CertificateDescription of(X509CertificateHolder holder) {
        SubjectPublicKeyInfo key = holder.getSubjectPublicKeyInfo();
        return new CertificateDescription(
                holder.getSubject().toString(),
                holder.getIssuer().toString(),
                holder.getSerialNumber().toString(16),
                holder.getNotBefore().toInstant(),
                holder.getNotAfter().toInstant(),
                keyAlgorithm(key),
                keyBits(key),
                signatureAlgorithm(holder.getSignatureAlgorithm().getAlgorithm()),
                subjectAlternativeNames(holder));
    }

    /** Whether the key is an SM2 key (the curve sm2p256v1, or the SM2 algorithm identifier itself). */
    public boolean sm2() {
        return "SM2".equals(keyAlgorithm);
    }

    private static String keyAlgorithm(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (algorithm.equals(GMObjectIdentifiers.sm2p256v1) || GMObjectIdentifiers.sm2p256v1.equals(curve(key))) {
            return "SM2";
        }
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return "RSA";
        }
        if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC";
        }
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        }
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "Ed448";
        }
        if (algorithm.equals(X9ObjectIdentifiers.id_dsa)) {
            return "DSA";
        }
        return algorithm.getId();
    }

    private static int keyBits(SubjectPublicKeyInfo key) {
        try {
            ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
            if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                return RSAPublicKey.getInstance(key.parsePublicKey())
                        .getModulus()
                        .bitLength();
            }
            if (algorithm.equals(GMObjectIdentifiers.sm2p256v1)) {
                return 256;
            }
            ASN1ObjectIdentifier curve = curve(key);
            X9ECParameters parameters = curve == null ? null : ECNamedCurveTable.getByOID(curve);
            return parameters == null ? 0 : parameters.getCurve().getFieldSize();
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    private static ASN1ObjectIdentifier curve(SubjectPublicKeyInfo key) {
        return key.getAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)
                        && key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier named
                ? named
                : null;
    }

    private static String signatureAlgorithm(ASN1ObjectIdentifier algorithm) {
        return NAMES.hasAlgorithmName(algorithm) ? NAMES.getAlgorithmName(algorithm) : algorithm.getId();
    }

    private static List<String> subjectAlternativeNames(X509CertificateHolder holder) {
        List<String> names = new ArrayList<>();
        GeneralNames all;
        try {
            all = GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName);
        } catch (RuntimeException unreadable) {
            return names;
        }
        if (all == null) {
            return names;
        }
        for (GeneralName name : all.getNames()) {
            if (name.getTagNo() == GeneralName.dNSName && name.getName() instanceof ASN1String dns) {
                names.add(dns.getString());
            } else if (name.getTagNo() == GeneralName.iPAddress) {
                try {
                    names.add(InetAddress.getByAddress(
                                    ASN1OctetString.getInstance(name.getName()).getOctets())
                            .getHostAddress());
                } catch (UnknownHostException | RuntimeException notAnAddress) {
                    // an iPAddress entry of the wrong length names nothing a client could match
                }
            }
        }
        return names;
    }
}
