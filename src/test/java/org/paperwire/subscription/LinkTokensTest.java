package org.paperwire.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperwire.digest.MutableClock;
import org.paperwire.subscription.LinkTokens.Purpose;
import org.paperwire.subscription.LinkTokens.Verdict;

/** Issue 12, point 6 and issue 9, finding 1: what a signed link is worth, and for whom. */
class LinkTokensTest {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-06-30T10:00:00Z");
    static final String KEY = "a".repeat(64);

    final MutableClock clock = new MutableClock(NOW);
    final LinkTokens tokens = new LinkTokens(SECRET, clock, Period.ofDays(30));
    final Subscriber ada = subscriber(7, KEY);

    static Subscriber subscriber(long id, String linkKey) {
        return new Subscriber(id, "ada@example.org", Subscriber.Status.ACTIVE, Preferences.defaults(7, ZoneId.of("UTC")),
                List.of(), NOW, NOW, linkKey, null);
    }

    @Test
    void aFreshTokenIsValidForItsSubscriberAndPurpose() {
        for (Purpose purpose : Purpose.values()) {
            assertThat(tokens.verify(tokens.issue(purpose, ada), purpose, ada)).as(purpose.name()).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void aTokenNamesItsSubscriberWithoutCarryingItsKey() {
        String token = tokens.issue(Purpose.MANAGE, ada);
        assertThat(LinkTokens.subscriberId(token)).hasValue(7);
        assertThat(token).doesNotContain(KEY).startsWith("M.7.");
    }

    @Test
    void aTamperedSignatureIsInvalid() {
        String token = tokens.issue(Purpose.MANAGE, ada);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(tokens.verify(tampered, Purpose.MANAGE, ada)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aLaterExpiryWithTheOldSignatureIsInvalid() {
        String[] parts = tokens.issue(Purpose.MANAGE, ada).split("\\.");
        String extended = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "." + parts[3];
        assertThat(tokens.verify(extended, Purpose.MANAGE, ada)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aManageTokenExpiresAfterTheLinkTtlAndSaysSo() {
        String token = tokens.issue(Purpose.MANAGE, ada);
        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(tokens.verify(token, Purpose.MANAGE, ada)).isEqualTo(Verdict.VALID);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(token, Purpose.MANAGE, ada)).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void anUnsubscribeTokenOutlivesTheLinkTtlByYears() {
        String token = tokens.issue(Purpose.UNSUBSCRIBE, ada);
        clock.advance(Duration.ofDays(4 * 365));
        assertThat(tokens.verify(token, Purpose.UNSUBSCRIBE, ada)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aTokenOfAnotherPurposeIsInvalid() {
        String confirm = tokens.issue(Purpose.CONFIRM, ada);
        assertThat(tokens.verify(confirm, Purpose.MANAGE, ada)).isEqualTo(Verdict.INVALID);
        assertThat(tokens.verify(confirm, Purpose.UNSUBSCRIBE, ada)).isEqualTo(Verdict.INVALID);
        String relabelled = "M" + confirm.substring(1);
        assertThat(tokens.verify(relabelled, Purpose.MANAGE, ada)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aTokenOfAnotherSubscriberIsInvalid() {
        Subscriber grace = subscriber(8, KEY);
        assertThat(tokens.verify(tokens.issue(Purpose.MANAGE, grace), Purpose.MANAGE, ada)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aTokenOfTheSameIdUnderAnotherLinkKeyIsInvalid() {
        // what a removed subscriber's link meets when its id is handed out again, or after a re-subscription
        Subscriber recreated = subscriber(7, "b".repeat(64));
        for (Purpose purpose : Purpose.values()) {
            assertThat(tokens.verify(tokens.issue(purpose, ada), purpose, recreated)).as(purpose.name())
                    .isEqualTo(Verdict.INVALID);
        }
    }

    @Test
    void anExpiredTokenUnderAnotherKeyIsInvalidNotExpired() {
        String token = tokens.issue(Purpose.MANAGE, ada);
        clock.advance(Duration.ofDays(31));
        assertThat(tokens.verify(token, Purpose.MANAGE, subscriber(7, "b".repeat(64)))).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aTokenSignedWithAnotherInstanceSecretIsInvalid() {
        LinkTokens other = new LinkTokens("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8), clock,
                Period.ofDays(30));
        assertThat(tokens.verify(other.issue(Purpose.MANAGE, ada), Purpose.MANAGE, ada)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void malformedTokensAreInvalidAndNameNoSubscriber() {
        String good = tokens.issue(Purpose.MANAGE, ada);
        for (String bad : new String[] {null, "", "M", "M.7", "M.7.123", good + ".x", good + "=", "M.-7.1.sig",
                "M.99999999999999999999.1." + "A".repeat(43), "X" + good.substring(1), good.replace(".", ".."),
                "M.7.1." + "A".repeat(300)}) {
            assertThat(tokens.verify(bad, Purpose.MANAGE, ada)).as(String.valueOf(bad)).isEqualTo(Verdict.INVALID);
            assertThat(LinkTokens.subscriberId(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
