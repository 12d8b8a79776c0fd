package org.paperwire.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Collection;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the key material that mail needs, once at start-up: the DKIM private key and the CA certificates trusted for
 * the SMTP server. Each failure says what is wrong with the file in words an operator can act on.
 */
public final class KeyFiles {
    /** Receivers ignore shorter DKIM keys (RFC 8301). */
    static final int MIN_RSA_BITS = 1024;

    private KeyFiles() {}

    /** An unencrypted RSA private key: PEM ({@code PRIVATE KEY} or {@code RSA PRIVATE KEY}) or DER (PKCS#8 or #1). */
    public static RSAPrivateKey dkimPrivateKey(Path file) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        PrivateKey key = isPem(bytes) ? pemPrivateKey(bytes) : derPrivateKey(bytes);
        if (!(key instanceof RSAPrivateKey rsa)) {
            throw new GeneralSecurityException("it holds a key of type " + key.getAlgorithm() + ", and DKIM here signs with"
                    + " rsa-sha256, which every receiver verifies: use an RSA key");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new GeneralSecurityException("the RSA key has " + bits + " bits, and receivers ignore DKIM keys under "
                    + MIN_RSA_BITS + ": make one of 2048 bits");
        }
        return rsa;
    }

    private static PrivateKey pemPrivateKey(byte[] bytes) throws IOException, GeneralSecurityException {
        try (PEMParser pem = new PEMParser(new StringReader(new String(bytes, StandardCharsets.US_ASCII)))) {
            Object block = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (block instanceof PrivateKeyInfo pkcs8) {
                return converter.getPrivateKey(pkcs8);
            }
            if (block instanceof PEMKeyPair pkcs1) {
                return converter.getKeyPair(pkcs1).getPrivate();
            }
            if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new GeneralSecurityException("the key is encrypted; write an unencrypted copy readable only by"
                        + " Paperwire's user with 'openssl pkey -in ENCRYPTED.key -out dkim.key'");
            }
            throw new GeneralSecurityException(block == null ? "it holds no PEM block"
                    : "its PEM block is a " + block.getClass().getSimpleName() + ", not a private key");
        }
    }

    /** PKCS#8, or PKCS#1 as OpenSSL 3's {@code pkey -outform DER} writes RSA keys. */
    private static PrivateKey derPrivateKey(byte[] bytes) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
        } catch (InvalidKeySpecException notPkcs8) {
            try {
                return new JcaPEMKeyConverter().getPrivateKey(new PrivateKeyInfo(new AlgorithmIdentifier(
                        PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        // qualified: the imported RSAPrivateKey is the JDK interface; this is BouncyCastle's ASN.1 form
                        org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(bytes)));
            } catch (IOException | RuntimeException notPkcs1) { // BouncyCastle says "not DER" with runtime exceptions
                throw new GeneralSecurityException("it is neither PEM nor an RSA private key in DER", notPkcs8);
            }
        }
    }

    /**
     * CA certificates to trust: a PEM file of one or more certificates, or a PKCS#12 / JKS store whose trusted
     * certificate entries count.
     *
     * @param password of a PKCS#12 / JKS store; empty for none (and for PEM)
     */
    public static KeyStore trustStore(Path file, String password) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        KeyStore store;
        if (isPem(bytes)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
        } else {
            store = KeyStore.getInstance(file.toFile(), password.isEmpty() ? null : password.toCharArray());
        }
        boolean trustsSomething = false;
        for (String alias : Collections.list(store.aliases())) {
            trustsSomething |= store.isCertificateEntry(alias);
        }
        if (!trustsSomething) {
            throw new GeneralSecurityException("it holds no trusted CA certificate" + (isPem(bytes) ? ""
                    : " entry (for an encrypted PKCS#12 store, set smtp.trust-store-password)"));
        }
        return store;
    }

    /** TLS sockets that trust exactly the certificates of {@code trustStore}. */
    public static SSLSocketFactory trusting(KeyStore trustStore) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot set up TLS with the configured trust store", e);
        }
    }

    /** What went wrong reading a key file, for a configuration error message. */
    public static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "there is no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "Paperwire's user may not read it";
        }
        if (e instanceof InvalidPathException) {
            return "it is not a valid path";
        }
        if (e.getMessage() != null && e.getMessage().contains("password was incorrect")) {
            return "its password is wrong (smtp.trust-store-password)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean isPem(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }
}
