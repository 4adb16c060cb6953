package org.yunjian.monitoring.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A test CA made with BouncyCastle: EC P-256 roots and server certificates, and one SM2 certificate. */
public final class TestPki {

    static final Provider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(1);

    /**
     * The CA whose root the test configuration adds to the monitors' trust ({@code yunjian.monitoring.trust-store}:
     * {@code monitoring/test-ca.pem}, its key beside it), so a Spring test's servers can present certificates the
     * platform trusts.
     */
    public static TestPki monitoringTestCa() {
        try (java.io.InputStream cert = TestPki.class.getResourceAsStream("/monitoring/test-ca.pem");
                java.io.InputStream key = TestPki.class.getResourceAsStream("/monitoring/test-ca-key.pem")) {
            X509Certificate root = (X509Certificate)
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(cert);
            String pem = new String(key.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            PrivateKey privateKey = java.security.KeyFactory.getInstance("EC")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                            java.util.Base64.getDecoder().decode(pem)));
            return new TestPki(new Issued(root, privateKey, List.of(root)));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate and its key; {@code chain} is what a server sends (its own first, then the root). */
    public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {}

    final Issued root;

    private TestPki(Issued root) {
        this.root = root;
    }

    public static TestPki create(String rootName) {
        try {
            KeyPair keys = ec();
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                            new X500Name("CN=" + rootName),
                            serial(),
                            Date.from(now.minus(Duration.ofDays(1))),
                            Date.from(now.plus(Duration.ofDays(3650))),
                            new X500Name("CN=" + rootName),
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate cert = sign(b, keys.getPrivate(), "SHA256withECDSA");
            return new TestPki(new Issued(cert, keys.getPrivate(), List.of(cert)));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server certificate for {@code names} (DNS names, or address literals as iPAddress entries). */
    public Issued server(Instant notBefore, Instant notAfter, String... names) {
        try {
            KeyPair keys = ec();
            List<GeneralName> alt = new ArrayList<>();
            for (String n : names) {
                alt.add(
                        Character.isDigit(n.charAt(0))
                                ? new GeneralName(GeneralName.iPAddress, n)
                                : new GeneralName(GeneralName.dNSName, n));
            }
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                            root.certificate(),
                            serial(),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            new X500Name("CN=" + names[0]),
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(
                            Extension.subjectAlternativeName, false, new GeneralNames(alt.toArray(GeneralName[]::new)));
            X509Certificate cert = sign(b, root.key(), "SHA256withECDSA");
            return new Issued(cert, keys.getPrivate(), List.of(cert, root.certificate()));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valid from yesterday until {@code validFor} from now. */
    public Issued server(Duration validFor, String... names) {
        Instant now = Instant.now();
        return server(now.minus(Duration.ofDays(1)), now.plus(validFor), names);
    }

    /** A trust store holding this CA's root only. */
    public KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("root", root.certificate());
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed SM2 certificate (SM3withSM2) with a Chinese subject, in DER. */
    static byte[] sm2Certificate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
            g.initialize(new ECGenParameterSpec("sm2p256v1"));
            KeyPair keys = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=某市人民政府门户网站,O=某市人民政府,C=CN");
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                            subject,
                            serial(),
                            Date.from(now.minus(Duration.ofDays(1))),
                            Date.from(now.plus(Duration.ofDays(365))),
                            subject,
                            keys.getPublic())
                    .addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, "www.example.gov.cn")));
            X509CertificateHolder holder = b.build(
                    new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(keys.getPrivate()));
            return holder.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(System.currentTimeMillis() * 1000 + SERIAL.getAndIncrement());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key, String algorithm)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(algorithm).build(key)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
