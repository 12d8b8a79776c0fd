package org.paperwire.net;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one secret, set up once: signing visitor cookies, mail links and client networks happens on
 * request paths and while digests are built, where a fresh {@link Mac} per call was measurable work. A {@code Mac}
 * is not thread-safe, so each thread keeps its own initialised one.
 */
public final class Hmac {
    private final ThreadLocal<Mac> macs;

    public Hmac(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /** The MAC of {@code text} as UTF-8. */
    public byte[] sign(String text) {
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
