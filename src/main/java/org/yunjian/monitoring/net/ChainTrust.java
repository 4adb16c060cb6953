package org.yunjian.monitoring.net;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whether a recorded chain leads to a trusted root: a PKIX path is built from the server's certificate through the
 * certificates it sent (in any order, extra ones ignored, as browsers do) to one of the trust anchors, without
 * revocation checks (no OCSP or CRL fetch from a monitor). Validity is judged at a moment inside the server
 * certificate's own validity, so that an expired certificate is reported as expired and not also as untrusted; an
 * intermediate that has expired while the server certificate is still valid makes the chain untrusted.
 */
final class ChainTrust {

    private final Set<TrustAnchor> anchors;

    private ChainTrust(Set<TrustAnchor> anchors) {
        this.anchors = anchors;
    }

    /** The anchors of {@code trustStore}, or of the JDK's default trust store ({@code cacerts}) when null. */
    static ChainTrust of(KeyStore trustStore) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            Set<TrustAnchor> anchors = new HashSet<>();
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    for (X509Certificate c : x509.getAcceptedIssuers()) {
                        anchors.add(new TrustAnchor(c, null));
                    }
                }
            }
            return new ChainTrust(Set.copyOf(anchors));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("trust store", e);
        }
    }

    boolean trusted(X509Certificate[] chain, Instant now) {
        if (chain.length == 0 || anchors.isEmpty()) {
            return false;
        }
        X509Certificate server = chain[0];
        if (anchors.stream().anyMatch(a -> server.equals(a.getTrustedCert()))) {
            return true;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(server);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(judgedAt(server, now)));
            parameters.addCertStore(
                    CertStore.getInstance("Collection", new CollectionCertStoreParameters(Arrays.asList(chain))));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException | RuntimeException noPath) {
            return false;
        }
    }

    private static Instant judgedAt(X509Certificate server, Instant now) {
        Instant notBefore = server.getNotBefore().toInstant();
        Instant notAfter = server.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return notAfter;
        }
        if (now.isBefore(notBefore)) {
            return notBefore;
        }
        return now;
    }
}
