package org.paperwire.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperwire.reader.SessionStore.Session;
import org.paperwire.reader.SessionStore.SignInLink;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber.Status;
import org.paperwire.subscription.SubscriberStore;

/** What every {@link SessionStore} must do: a subclass per implementation hands over new stores of one database. */
abstract class SessionStoreContract {
    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    protected record Stores(SessionStore sessions, SubscriberStore subscribers) {}

    protected abstract Stores newStores();

    SessionStore store;
    SubscriberStore subscribers;
    long alice;

    @BeforeEach
    void reader() {
        Stores s = newStores();
        store = s.sessions();
        subscribers = s.subscribers();
        alice = subscribers.create("alice@example.org", Status.ACTIVE, Preferences.defaults(7, ZoneId.of("UTC")),
                List.of(), T0).subscriber().id();
    }

    @Test
    void aSignInLinkStartsOneSessionOnceAndOnlyBeforeItExpires() {
        store.addSignIn("link-1", alice, T0, T0.plusSeconds(1800));
        store.addSignIn("link-2", alice, T0, T0.plusSeconds(1800));
        assertThat(store.signIn("link-1")).contains(new SignInLink(alice, T0.plusSeconds(1800), false));

        assertThat(store.useSignIn("link-1", "session-1", T0.plusSeconds(60))).hasValue(alice);
        assertThat(store.useSignIn("link-1", "session-2", T0.plusSeconds(61))).as("used once").isEmpty();
        assertThat(store.signIn("link-1").orElseThrow().used()).isTrue();
        assertThat(store.useSignIn("link-2", "session-3", T0.plusSeconds(1800))).as("expired").isEmpty();
        assertThat(store.useSignIn("nope", "session-4", T0)).isEmpty();

        assertThat(store.session("session-1")).contains(new Session("session-1", alice, T0.plusSeconds(60),
                T0.plusSeconds(60)));
        assertThat(store.session("session-2")).isEmpty();
        assertThat(store.session("session-3")).isEmpty();
        assertThat(store.signInsSince(alice, T0)).isEqualTo(2);
        assertThat(store.signInsSince(alice, T0.plusSeconds(1))).isZero();
    }

    @Test
    void sessionsAreTouchedEndedAndExpired() {
        store.addSignIn("link", alice, T0, T0.plusSeconds(60));
        store.useSignIn("link", "s", T0);
        store.touch("s", T0.plusSeconds(3600));
        assertThat(store.session("s").orElseThrow().lastSeenAt()).isEqualTo(T0.plusSeconds(3600));

        assertThat(store.deleteExpired(T0.plusSeconds(3600), T0.plusSeconds(60))).as("nothing ended yet").isZero();
        assertThat(store.deleteExpired(T0.plusSeconds(3601), T0.plusSeconds(61))).isEqualTo(2);
        assertThat(store.session("s")).isEmpty();
        assertThat(store.signIn("link")).isEmpty();

        store.addSignIn("link2", alice, T0, T0.plusSeconds(60));
        store.useSignIn("link2", "s2", T0);
        assertThat(store.endSession("s2")).isTrue();
        assertThat(store.endSession("s2")).isFalse();
    }

    @Test
    void removingTheSubscriberEndsItsSessionsAndLinks() {
        store.addSignIn("link", alice, T0, T0.plusSeconds(60));
        store.addSignIn("unused", alice, T0, T0.plusSeconds(60));
        store.useSignIn("link", "s", T0);

        assertThat(subscribers.remove(alice)).isTrue();

        assertThat(store.session("s")).isEmpty();
        assertThat(store.signIn("unused")).isEmpty();
        assertThat(store.signInsSince(alice, T0)).isZero();
    }
}
