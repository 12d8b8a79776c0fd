package org.paperwire.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperwire.db.AtOnce;
import org.paperwire.subscription.Preferences.Frequency;
import org.paperwire.subscription.Subscriber.Status;

/**
 * What every {@link SubscriberStore} must do, whatever it stores in: a subclass per implementation hands over a
 * new, empty store for each test (and closes what it opened afterwards).
 */
abstract class SubscriberStoreContract {
    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    static final Preferences PREFS = Preferences.defaults(7, ZoneId.of("Europe/Berlin"));
    static final List<Topic> TOPICS = List.of(Topic.of(Topic.Kind.CATEGORY, "cs.IR"),
            new Topic(Topic.Kind.SEARCH, "dense retrieval", 3));

    /** A new, empty store for one test. */
    protected abstract SubscriberStore newStore();

    @Test
    void createsOnceAndReadsBackEveryFieldByIdAndAddress() {
        SubscriberStore store = newStore();
        SubscriberStore.Created made = store.create("a@example.org", Status.PENDING, PREFS, TOPICS, T0);
        assertThat(made.isNew()).isTrue();
        Subscriber s = made.subscriber();
        assertThat(s.email()).isEqualTo("a@example.org");
        assertThat(s.status()).isEqualTo(Status.PENDING);
        assertThat(s.preferences()).isEqualTo(PREFS);
        assertThat(s.topics()).isEqualTo(TOPICS);
        assertThat(s.createdAt()).isEqualTo(T0);
        assertThat(s.confirmedAt()).isNull();
        assertThat(s.pendingSince()).isEqualTo(T0);
        assertThat(s.linkKey()).hasSize(64);
        assertThat(store.find(s.id())).contains(s);
        assertThat(store.findByEmail("a@example.org")).contains(s);
        assertThat(store.findByEmail("b@example.org")).isEmpty();

        SubscriberStore.Created again = store.create("a@example.org", Status.ACTIVE, PREFS, List.of(), T0.plusSeconds(1));
        assertThat(again.isNew()).isFalse();
        assertThat(again.subscriber()).isEqualTo(s);
    }

    @Test
    void confirmingActivatesAndOnlyActiveSubscribersAreCounted() {
        SubscriberStore store = newStore();
        long a = store.create("a@example.org", Status.PENDING, PREFS, TOPICS, T0).subscriber().id();
        store.create("b@example.org", Status.ACTIVE, PREFS, TOPICS, T0);
        assertThat(store.countActive()).isEqualTo(1);

        assertThat(store.confirm(a, T0.plusSeconds(60))).isTrue();
        assertThat(store.confirm(a, T0.plusSeconds(120))).isTrue();
        Subscriber confirmed = store.find(a).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(Status.ACTIVE);
        assertThat(confirmed.confirmedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(confirmed.pendingSince()).isNull();
        assertThat(store.countActive()).isEqualTo(2);
        assertThat(store.all()).extracting(Subscriber::email).containsExactly("a@example.org", "b@example.org");
    }

    @Test
    void anUnsubscribedAddressComesBackPendingWithANewLinkKey() {
        SubscriberStore store = newStore();
        Subscriber s = store.create("a@example.org", Status.ACTIVE, PREFS, TOPICS, T0).subscriber();
        store.unsubscribe(s.id());
        assertThat(store.find(s.id()).orElseThrow().status()).isEqualTo(Status.UNSUBSCRIBED);
        assertThat(store.confirm(s.id(), T0)).isFalse();

        store.resubscribe(s.id(), T0.plusSeconds(60));
        Subscriber back = store.find(s.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(Status.PENDING);
        assertThat(back.confirmedAt()).isNull();
        assertThat(back.pendingSince()).isEqualTo(T0.plusSeconds(60));
        assertThat(back.linkKey()).isNotEqualTo(s.linkKey());
    }

    @Test
    void updateReplacesPreferencesAndTopics() {
        SubscriberStore store = newStore();
        long id = store.create("a@example.org", Status.ACTIVE, PREFS, TOPICS, T0).subscriber().id();
        Preferences weekly = new Preferences(Frequency.WEEKLY, DayOfWeek.FRIDAY, 18, ZoneId.of("UTC"), false, 40);
        List<Topic> topics = List.of(Topic.of(Topic.Kind.AUTHOR, "Ada Lovelace"));
        store.update(id, weekly, topics);
        Subscriber s = store.find(id).orElseThrow();
        assertThat(s.preferences()).isEqualTo(weekly);
        assertThat(s.topics()).isEqualTo(topics);
    }

    @Test
    void pendingSubscriptionsExpireAndRemovedIdsAreNeverReused() {
        SubscriberStore store = newStore();
        long old = store.create("old@example.org", Status.PENDING, PREFS, TOPICS, T0).subscriber().id();
        long fresh = store.create("new@example.org", Status.PENDING, PREFS, TOPICS, T0.plusSeconds(3600)).subscriber().id();
        long active = store.create("on@example.org", Status.ACTIVE, PREFS, TOPICS, T0).subscriber().id();
        assertThat(store.deletePendingSince(T0)).isEqualTo(1);
        assertThat(store.find(old)).isEmpty();
        assertThat(store.find(fresh)).isPresent();
        assertThat(store.find(active)).isPresent();

        assertThat(store.remove(active)).isTrue();
        assertThat(store.remove(active)).isFalse();
        long next = store.create("on@example.org", Status.ACTIVE, PREFS, TOPICS, T0).subscriber().id();
        assertThat(next).isGreaterThan(active).isGreaterThan(fresh);
    }

    @Test
    void aMailSlotIsGivenOncePerInterval() {
        SubscriberStore store = newStore();
        long id = store.create("a@example.org", Status.PENDING, PREFS, TOPICS, T0).subscriber().id();
        Duration interval = Duration.ofMinutes(5);
        assertThat(store.claimMailSlot(id, T0, interval)).isTrue();
        assertThat(store.claimMailSlot(id, T0.plusSeconds(60), interval)).isFalse();
        assertThat(store.claimMailSlot(id, T0.plus(interval), interval)).isTrue();
        // a pending address asked again is kept for a full pending period from this mail on
        assertThat(store.find(id).orElseThrow().pendingSince()).isEqualTo(T0.plus(interval));
    }

    /** Two requests for one address at once (two nodes on one PostgreSQL) make one subscriber, and no error. */
    @Test
    void oneAddressAskedForAtOnceBecomesOneSubscriber() throws Exception {
        SubscriberStore store = newStore();
        List<SubscriberStore.Created> results = AtOnce.run(4,
                i -> store.create("Same@Example.org", Status.PENDING, PREFS, TOPICS, T0));
        assertThat(results).filteredOn(SubscriberStore.Created::isNew).hasSize(1);
        assertThat(results).extracting(c -> c.subscriber().id()).containsOnly(results.get(0).subscriber().id());
        assertThat(store.all()).singleElement().extracting(Subscriber::topics).isEqualTo(TOPICS);
    }
}
