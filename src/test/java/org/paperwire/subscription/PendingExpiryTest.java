package org.paperwire.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.TestConfigs;
import org.paperwire.digest.MutableClock;
import org.paperwire.subscription.SubscriptionService.LinkException;

/**
 * Issue 9, finding 2: a subscription never confirmed expires {@code subscription.pending-ttl} (7 days) after its
 * last subscribe request or confirmation mail, and is deleted. Mails go to the outbox folder (no SMTP server).
 */
class PendingExpiryTest {
    static final Duration TTL = Duration.ofDays(7);

    @TempDir
    Path dir;
    MutableClock clock;
    Paperwire app;
    SubscriptionService service;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-06-30T10:00:00Z"));
        app = new Paperwire(TestConfigs.from(ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString())),
                clock);
        service = app.subscriptions();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    Subscriber find(String email) {
        return app.subscribers().findByEmail(email).orElseThrow();
    }

    @Test
    void anUnconfirmedSubscriptionIsDeletedOnceThePendingTtlHasPassed() {
        service.subscribe("bob@example.org", List.of(), "192.0.2.1");
        clock.advance(TTL.minusSeconds(1));
        assertThat(service.deleteExpiredPending()).isZero();
        assertThat(app.subscribers().findByEmail("bob@example.org")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.deleteExpiredPending()).isEqualTo(1);
        assertThat(app.subscribers().findByEmail("bob@example.org")).isEmpty();
    }

    @Test
    void theNextSubscribeRequestDeletesExpiredOnesWithoutWaitingForTheHourlyRun() {
        service.subscribe("bob@example.org", List.of(), "192.0.2.1");
        clock.advance(TTL);
        service.subscribe("carol@example.org", List.of(), "192.0.2.2");
        assertThat(app.subscribers().findByEmail("bob@example.org")).isEmpty();
        assertThat(app.subscribers().findByEmail("carol@example.org")).isPresent();
    }

    @Test
    void theConfirmLinkOfAnExpiredSubscriptionIsNoLongerValidEvenBeforeItIsDeleted() {
        service.subscribe("bob@example.org", List.of(), "192.0.2.1");
        String confirm = token(app.links().confirm(find("bob@example.org")));
        clock.advance(TTL);
        assertThatThrownBy(() -> service.confirm(confirm)).isInstanceOf(LinkException.class)
                .hasMessageContaining("no longer valid").satisfies(e -> assertThat(((LinkException) e).expired()).isFalse());
        assertThat(find("bob@example.org").status()).isEqualTo(Subscriber.Status.PENDING);
    }

    @Test
    void subscribingAgainAfterExpiryStartsAfreshAndRetiresTheOldLink() {
        service.subscribe("bob@example.org", List.of(), "192.0.2.1");
        Subscriber first = find("bob@example.org");
        String oldConfirm = token(app.links().confirm(first));
        clock.advance(TTL.plusDays(1));
        service.subscribe("bob@example.org", List.of(), "192.0.2.1");
        Subscriber second = find("bob@example.org");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThatThrownBy(() -> service.confirm(oldConfirm)).isInstanceOf(LinkException.class);
        assertThat(service.confirm(token(app.links().confirm(second))).active()).isTrue();
    }

    @Test
    void aFreshConfirmationMailGivesAFullPendingTtlAgain() {
        service.subscribe("bob@example.org", List.of(), "192.0.2.1");
        String confirm = token(app.links().confirm(find("bob@example.org")));
        clock.advance(Duration.ofDays(6));
        service.subscribe("bob@example.org", List.of(), "192.0.2.1"); // asks again: a second confirmation mail
        clock.advance(Duration.ofDays(2));
        assertThat(service.deleteExpiredPending()).isZero();
        assertThat(service.confirm(confirm).active()).as("the first mail's link, 8 days on").isTrue();
    }

    @Test
    void activeAndUnsubscribedSubscribersNeverExpire() {
        service.add("ada@example.org", List.of(), true);
        service.subscribe("grace@example.org", List.of(), "192.0.2.1");
        service.confirm(token(app.links().confirm(find("grace@example.org"))));
        service.unsubscribe(token(app.links().unsubscribe(find("grace@example.org"))));
        clock.advance(Duration.ofDays(400));
        assertThat(service.deleteExpiredPending()).isZero();
        assertThat(find("ada@example.org").active()).isTrue();
        assertThat(find("grace@example.org").status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
    }

    @Test
    void anOperatorsUnconfirmedAddressExpiresLikeAnyOther() {
        service.add("dan@example.org", List.of(), false);
        clock.advance(TTL);
        assertThat(service.deleteExpiredPending()).isEqualTo(1);
    }

    @Test
    void reSubscribingAfterUnsubscribingRetiresTheOldUnsubscribeLink() {
        service.add("ada@example.org", List.of(), true);
        String unsubscribe = token(app.links().unsubscribe(find("ada@example.org")));
        service.unsubscribe(unsubscribe);
        service.unsubscribe(unsubscribe); // again: fine, nothing changes
        service.subscribe("ada@example.org", List.of(), "192.0.2.1");
        assertThatThrownBy(() -> service.unsubscribe(unsubscribe)).isInstanceOf(LinkException.class)
                .hasMessageContaining("no longer valid");
        assertThat(find("ada@example.org").status()).isEqualTo(Subscriber.Status.PENDING);
    }

    static String token(String link) {
        return link.substring(link.indexOf("t=") + 2);
    }
}
