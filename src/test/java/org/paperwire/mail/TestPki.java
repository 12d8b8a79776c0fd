package org.paperwire.mail;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys and certificates made for a test: a private CA, a server certificate it issued for some DNS names, and RSA
 * keys written in the formats an operator might have (PEM or DER, PKCS#8 or PKCS#1).
 */
public final class TestPki {
    public static final String PASSWORD = "changeit";
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    final KeyPair caKeys = rsa(2048);
    public final X509Certificate ca;
    final KeyPair serverKeys = rsa(2048);
    final X509Certificate server;

    /** A CA and a server certificate for {@code dnsNames}. */
    public TestPki(String... dnsNames) {
        X500Name caName = new X500Name("CN=Paperwire Test CA");
        this.ca = certificate(caName, caKeys.getPublic(), caName, caKeys.getPrivate(), null);
        this.server = certificate(new X500Name("CN=" + dnsNames[0]), serverKeys.getPublic(), caName,
                caKeys.getPrivate(), dnsNames);
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CA certificate when {@code dnsNames} is null, else a TLS server certificate for those names. */
    private static X509Certificate certificate(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
            String[] dnsNames) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(1))), subject, key);
            if (dnsNames == null) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(Arrays.stream(dnsNames)
                        .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    /** The CA certificate as PEM: what an operator puts in {@code smtp.trust-store}. */
    public Path writeCaPem(Path file) throws Exception {
        return writePem(file, ca);
    }

    /** The server's key and certificate chain as a PKCS#12 key store with password {@link #PASSWORD}. */
    public Path writeServerKeyStore(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            serverKeyStore().store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private KeyStore serverKeyStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {server, ca});
        return store;
    }

    /** Server-side TLS with the server certificate. */
    SSLContext serverContext() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverKeyStore(), PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    /** {@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey} writes it. */
    public static Path writePkcs8Pem(Path file, PrivateKey key) throws Exception {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
    }

    /** {@code -----BEGIN RSA PRIVATE KEY-----}, as older {@code openssl genrsa} writes it. */
    public static Path writePkcs1Pem(Path file, PrivateKey key) throws Exception {
        return writePem(file, key);
    }

    /** PKCS#8 DER, as {@code openssl pkcs8 -topk8 -nocrypt -outform DER} writes it. */
    public static Path writeDer(Path file, PrivateKey key) throws Exception {
        return Files.write(file, key.getEncoded());
    }

    /** PKCS#1 DER, as OpenSSL 3's {@code openssl pkey -outform DER} writes an RSA key. */
    public static Path writePkcs1Der(Path file, PrivateKey key) throws Exception {
        return Files.write(file, PrivateKeyInfo.getInstance(key.getEncoded())
                .parsePrivateKey().toASN1Primitive().getEncoded());
    }

    /** The {@code p=} value of the DKIM DNS record: the public key's SubjectPublicKeyInfo in base64. */
    static String dnsRecord(PublicKey key) {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static Path writePem(Path file, Object object) throws Exception {
        try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            pem.writeObject(object);
        }
        return file;
    }

    /**
     * GreenMail's SMTPS server reads its key store once per JVM, from system properties (its
     * {@code DummySSLServerSocketFactory} is a singleton), so every test that runs an SMTPS GreenMail shares this one
     * PKI, made on first use and set before any such server starts.
     */
    static synchronized TestPki greenMail() throws Exception {
        if (greenMail == null) {
            TestPki pki = new TestPki("localhost");
            Path store = Files.createTempFile("greenmail-tls", ".p12");
            store.toFile().deleteOnExit();
            pki.writeServerKeyStore(store);
            System.setProperty("greenmail.tls.keystore.file", store.toString());
            System.setProperty("greenmail.tls.keystore.password", PASSWORD);
            System.setProperty("greenmail.tls.key.password", PASSWORD);
            greenMail = pki;
        }
        return greenMail;
    }

    private static TestPki greenMail;
}
