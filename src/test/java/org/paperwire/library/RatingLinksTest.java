package org.paperwire.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperwire.digest.MutableClock;
import org.paperwire.subscription.LinkTokens.Verdict;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;

/** Rating links are bound to the subscriber and its link key, carry any arXiv id, and expire. */
class RatingLinksTest {
    static final Instant T0 = Instant.parse("2026-06-30T10:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    final RatingLinks links = new RatingLinks(URI.create("https://papers.example.org"),
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), clock, Period.ofDays(30));

    static Subscriber subscriber(long id, String linkKey) {
        return new Subscriber(id, "a@example.org", Subscriber.Status.ACTIVE, Preferences.defaults(7, ZoneId.of("UTC")),
                List.of(), T0, T0, linkKey, null);
    }

    static String token(String link) {
        return URLDecoder.decode(link.substring(link.indexOf("t=") + 2), StandardCharsets.UTF_8);
    }

    @Test
    void aLinkReadsBackWhatItRatesAndVerifiesOnlyForItsSubscriberAsItIsNow() {
        Subscriber alice = subscriber(7, "a".repeat(64));
        String token = token(links.links(alice, 3, "hep-th/9901001v2").notForMe());

        assertThat(RatingLinks.parse(token)).contains(new RatingLinks.Request(7, 3, Rating.NOT_FOR_ME, "hep-th/9901001"));
        assertThat(links.verify(token, alice)).isEqualTo(Verdict.VALID);
        assertThat(links.verify(token, subscriber(7, "b".repeat(64)))).as("re-subscribed: new link key")
                .isEqualTo(Verdict.INVALID);
        assertThat(links.verify(token, subscriber(8, "a".repeat(64)))).isEqualTo(Verdict.INVALID);
        assertThat(links.verify(token.replace(".3.less.", ".4.less."), alice)).as("another collection")
                .isEqualTo(Verdict.INVALID);
        assertThat(links.verify(token.replace("9901001", "9901002"), alice)).as("another paper")
                .isEqualTo(Verdict.INVALID);

        clock.set(T0.plus(Period.ofDays(30)));
        assertThat(links.verify(token, alice)).isEqualTo(Verdict.EXPIRED);
        assertThat(RatingLinks.parse("7.3.less.1.x.2406.01234")).isEmpty();
        assertThat(RatingLinks.parse(null)).isEmpty();
    }
}
