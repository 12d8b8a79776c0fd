package org.paperwire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.config.PaperwireConfig.DkimConfig;
import org.paperwire.mail.TestPki;

/**
 * Issue 9, finding 11: {@code mail.dkim.*} and {@code smtp.trust-store} are checked at start-up. A partial DKIM
 * configuration, a key that cannot sign and a domain DMARC would not align are refused with the key to fix.
 */
class MailSecurityConfigTest {
    static final KeyPair KEYS = TestPki.rsa(2048);

    @TempDir
    Path tmp;

    static PaperwireConfig load(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("PAPERWIRE_MAIL_FROM", "Paperwire <digest@papers.example.org>"));
        all.putAll(env);
        return TestConfigs.from(ConfigSources.load(null, all, Map.of()));
    }

    static Map<String, String> dkim(String domain, Path key) {
        return Map.of("PAPERWIRE_MAIL_DKIM_DOMAIN", domain, "PAPERWIRE_MAIL_DKIM_SELECTOR", "pw2026",
                "PAPERWIRE_MAIL_DKIM_PRIVATE_KEY_FILE", key.toString());
    }

    @Test
    void dkimIsOffByDefaultAndOnWithAllThreeSettings() throws Exception {
        assertThat(load(Map.of()).mail().dkim()).isEmpty();

        Path key = TestPki.writePkcs8Pem(tmp.resolve("dkim.key"), KEYS.getPrivate());
        DkimConfig dkim = load(dkim("Example.ORG.", key)).mail().dkim().orElseThrow();

        assertThat(dkim.domain()).isEqualTo("example.org");
        assertThat(dkim.selector()).isEqualTo("pw2026");
        assertThat(dkim.privateKey()).isEqualTo(KEYS.getPrivate());
        assertThat(dkim.toString()).doesNotContain(KEYS.getPrivate().toString());
    }

    @Test
    void theKeyIsReadFromPemAndDerInPkcs8AndPkcs1() throws Exception {
        Path pkcs1 = TestPki.writePkcs1Pem(tmp.resolve("pkcs1.pem"), KEYS.getPrivate());
        assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        for (Path key : new Path[] {TestPki.writePkcs8Pem(tmp.resolve("pkcs8.pem"), KEYS.getPrivate()), pkcs1,
                TestPki.writeDer(tmp.resolve("pkcs8.der"), KEYS.getPrivate()),
                TestPki.writePkcs1Der(tmp.resolve("pkcs1.der"), KEYS.getPrivate())}) {
            PrivateKey read = load(dkim("example.org", key)).mail().dkim().orElseThrow().privateKey();
            assertThat(read.getEncoded()).as(key.toString()).isEqualTo(KEYS.getPrivate().getEncoded());
        }
    }

    @Test
    void aPartialDkimConfigurationNamesWhatIsMissing() {
        assertThatThrownBy(() -> load(Map.of("PAPERWIRE_MAIL_DKIM_DOMAIN", "example.org", "PAPERWIRE_MAIL_DKIM_SELECTOR",
                "pw2026"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mail.dkim.private-key-file (PAPERWIRE_MAIL_DKIM_PRIVATE_KEY_FILE) is not set")
                .hasMessageContaining("unset the others");
        assertThatThrownBy(() -> load(Map.of("PAPERWIRE_MAIL_DKIM_SELECTOR", "pw2026")))
                .hasMessageContaining("mail.dkim.domain (PAPERWIRE_MAIL_DKIM_DOMAIN) and mail.dkim.private-key-file");
    }

    @Test
    void aKeyFileThatCannotSignIsRefusedWithTheFix() throws Exception {
        Path garbage = Files.writeString(tmp.resolve("garbage.key"), "not a key\n");
        Path certificate = new TestPki("localhost").writeCaPem(tmp.resolve("ca.pem"));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        Path ecKey = TestPki.writePkcs8Pem(tmp.resolve("ec.key"), ec.generateKeyPair().getPrivate());
        Path shortKey = TestPki.writePkcs8Pem(tmp.resolve("short.key"), TestPki.rsa(512).getPrivate());
        Path encrypted = tmp.resolve("encrypted.key");
        try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(encrypted))) {
            pem.writeObject(new JcaPKCS8Generator(KEYS.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                    JcaPKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider())
                    .setPassword("secret".toCharArray()).build()));
        }
        Map<Path, String> reasons = Map.of(tmp.resolve("missing.key"), "there is no such file",
                garbage, "neither PEM nor an RSA private key in DER",
                certificate, "not a private key",
                ecKey, "holds a key of type EC",
                shortKey, "has 512 bits",
                encrypted, "openssl pkey");
        reasons.forEach((file, reason) -> assertThatThrownBy(() -> load(dkim("example.org", file)))
                .as(file.toString()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + file + "' for mail.dkim.private-key-file")
                .hasMessageContaining("PAPERWIRE_MAIL_DKIM_PRIVATE_KEY_FILE")
                .hasMessageContaining("openssl genpkey")
                .hasMessageContaining(reason));
    }

    @Test
    void theDkimDomainIsTheSendersOrAParentOfIt() throws Exception {
        Path key = TestPki.writePkcs8Pem(tmp.resolve("dkim.key"), KEYS.getPrivate());
        assertThat(load(dkim("papers.example.org", key)).mail().dkim()).isPresent();
        assertThat(load(dkim("example.org", key)).mail().dkim()).isPresent();
        for (String unaligned : new String[] {"other.org", "ample.org", "mail.papers.example.org"}) {
            assertThatThrownBy(() -> load(dkim(unaligned, key))).as(unaligned).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("'" + unaligned + "' for mail.dkim.domain")
                    .hasMessageContaining("the domain of mail.from ('papers.example.org') or a parent of it")
                    .hasMessageContaining("DMARC");
        }
        assertThatThrownBy(() -> load(dkim("localhost", key))).hasMessageContaining("a domain name such as example.org");
    }

    @Test
    void theTrustStoreIsAPemCaOrAPasswordProtectedPkcs12Store() throws Exception {
        TestPki pki = new TestPki("mail.example.org");
        Path pem = pki.writeCaPem(tmp.resolve("ca.pem"));
        Path p12 = tmp.resolve("trust.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", pki.ca);
        try (var out = Files.newOutputStream(p12)) {
            store.store(out, "changeit".toCharArray());
        }

        assertThat(load(Map.of()).mail().trustStore()).isEmpty();
        assertThat(Collections.list(load(Map.of("PAPERWIRE_SMTP_TRUST_STORE", pem.toString())).mail().trustStore()
                .orElseThrow().aliases())).hasSize(1);
        assertThat(load(Map.of("PAPERWIRE_SMTP_TRUST_STORE", p12.toString(), "PAPERWIRE_SMTP_TRUST_STORE_PASSWORD",
                "changeit")).mail().trustStore().orElseThrow().getCertificate("ca")).isEqualTo(pki.ca);

        assertThatThrownBy(() -> load(Map.of("PAPERWIRE_SMTP_TRUST_STORE", p12.toString(),
                "PAPERWIRE_SMTP_TRUST_STORE_PASSWORD", "wrong"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("smtp.trust-store").hasMessageContaining("password is wrong");
        Path missing = tmp.resolve("missing.pem");
        assertThatThrownBy(() -> load(Map.of("PAPERWIRE_SMTP_TRUST_STORE", missing.toString())))
                .hasMessageContaining("'" + missing + "' for smtp.trust-store").hasMessageContaining("no such file");
    }
}
