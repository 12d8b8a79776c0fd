package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paperwire.db.AtOnce;
import org.paperwire.digest.DigestOutbox.State;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.RenderedMail;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber.Status;
import org.paperwire.subscription.SubscriberStore;
import org.paperwire.subscription.Topic;

/**
 * What every {@link DigestOutbox} and {@link MailOutbox}, with their {@link OutboxTable}, must do, whatever they
 * store in: a subclass per implementation hands over new, empty stores on one database for each test (and closes
 * what it opened afterwards).
 */
abstract class DigestOutboxContract {
    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(15);

    /** The stores of one database: the outboxes refer to subscribers. */
    protected record Stores(SubscriberStore subscribers, DigestOutbox digests, MailOutbox mails) {}

    /** New, empty stores for one test. */
    protected abstract Stores newStores();

    static long subscriber(Stores s, String email) {
        return s.subscribers().create(email, Status.ACTIVE, Preferences.defaults(7, ZoneId.of("UTC")),
                List.of(Topic.of(Topic.Kind.TRENDING, "")), T0).subscriber().id();
    }

    /** A new active subscriber with a due digest for 2026-06-01; returns the subscriber's id. */
    static long dueDigest(Stores s, String email) {
        long id = subscriber(s, email);
        s.digests().add(id, "2026-06-01", message(email), bytes("mail"), List.of(), State.DUE, T0);
        return id;
    }

    static MailMessage message(String to) {
        return new MailMessage("<d." + to + "@paperwire>", to, "Your digest", "<p>new</p>", "new", Map.of());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSubscriberGetsOneDigestPerPeriodAndItsPapersAreReserved() {
        Stores s = newStores();
        long id = subscriber(s, "a@example.org");
        assertThat(s.digests().lastBuilt(id)).isEmpty();
        assertThat(s.digests().add(id, "2026-06-01", message("a@example.org"), bytes("mail 1"), List.of("p1", "p2"),
                State.DUE, T0)).isTrue();
        assertThat(s.digests().add(id, "2026-06-01", message("a@example.org"), bytes("mail 2"), List.of("p3"),
                State.DUE, T0.plusSeconds(1))).isFalse();

        assertThat(s.digests().papersGiven(id)).isEqualTo(Set.of("p1", "p2"));
        assertThat(s.digests().mail(id, "2026-06-01")).hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("mail 1")));
        assertThat(s.digests().mail(id, "2026-06-02")).isEmpty();
        assertThat(s.digests().lastBuilt(id)).contains(T0);
        assertThat(s.digests().periodsSince(T0)).isEqualTo(Map.of(id, Set.of("2026-06-01")));
        assertThat(s.digests().periodsSince(T0.plusSeconds(1))).isEmpty();
        assertThat(s.digests().counts()).containsEntry(State.DUE, 1L).containsEntry(State.SENT, 0L);
    }

    @Test
    void aBatchsGivenPapersAndLastDigestsAreReadAtOnceAsEachAlone() {
        Stores s = newStores();
        long a = subscriber(s, "a@example.org");
        long b = subscriber(s, "b@example.org");
        long none = subscriber(s, "c@example.org");
        s.digests().add(a, "2026-06-01", message("a@example.org"), bytes("1"), List.of("p1", "p2"), State.DUE, T0);
        s.digests().add(a, "2026-06-02", message("a@example.org"), bytes("2"), List.of("p3"), State.DUE,
                T0.plusSeconds(86_400));
        s.digests().add(b, "2026-06-01", message("b@example.org"), bytes("3"), List.of(), State.SKIPPED, T0);

        List<Long> batch = List.of(a, b, none);
        assertThat(s.digests().papersGiven(batch)).isEqualTo(Map.of(a, Set.of("p1", "p2", "p3")));
        assertThat(s.digests().lastBuilt(batch)).isEqualTo(Map.of(a, T0.plusSeconds(86_400), b, T0));
        assertThat(s.digests().lastBuilt(List.of())).isEmpty();
    }

    @Test
    void aClaimedDigestIsSentOnlyByItsOwner() {
        Stores s = newStores();
        long id = dueDigest(s, "a@example.org");
        OutboxTable rows = s.digests().table();

        List<OutboxTable.Claimed> claimed = rows.claim(T0, 10, "a", LEASE, null);
        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.subscriberId()).isEqualTo(id);
            assertThat(c.what()).isEqualTo("2026-06-01");
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(c.mail().bytes()).isEqualTo(bytes("mail"));
        });
        assertThat(rows.claim(T0, 10, "b", LEASE, null)).isEmpty();
        long row = claimed.get(0).id();
        assertThat(rows.markSent(row, "b", T0)).isFalse();
        assertThat(rows.markSent(row, "a", T0)).isTrue();
        assertThat(s.digests().counts()).containsEntry(State.SENT, 1L).containsEntry(State.IN_FLIGHT, 0L);
        assertThat(rows.claim(T0.plus(LEASE), 10, "b", LEASE, null)).isEmpty();
    }

    @Test
    void aRetryWaitsItsTurnAndCountsEveryAttempt() {
        Stores s = newStores();
        long id = dueDigest(s, "a@example.org");
        long other = subscriber(s, "b@example.org");
        OutboxTable rows = s.digests().table();
        assertThat(rows.claim(T0, 10, "a", LEASE, List.of(other))).isEmpty();
        long row = rows.claim(T0, 10, "a", LEASE, List.of(id)).get(0).id();

        Instant next = T0.plusSeconds(300);
        assertThat(rows.markRetry(row, "a", next, "421 try later")).isTrue();
        assertThat(rows.claim(next.minusSeconds(1), 10, "a", LEASE, null)).isEmpty();
        List<OutboxTable.Claimed> again = rows.claim(next, 10, "a", LEASE, null);
        assertThat(again).singleElement().extracting(OutboxTable.Claimed::attempts).isEqualTo(2);
        assertThat(rows.markFailed(row, "a", next, "550 no such user")).isTrue();
        assertThat(s.digests().failures(10)).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("a@example.org");
            assertThat(f.period()).isEqualTo("2026-06-01");
            assertThat(f.attempts()).isEqualTo(2);
            assertThat(f.error()).isEqualTo("550 no such user");
            assertThat(f.at()).isEqualTo(next);
        });
    }

    @Test
    void releasedRowsAreDueAgainAndAReleaseDoesNotCountTheAttempt() {
        Stores s = newStores();
        dueDigest(s, "a@example.org");
        dueDigest(s, "b@example.org");
        OutboxTable rows = s.digests().table();
        List<OutboxTable.Claimed> claimed = rows.claim(T0, 1, "live", LEASE, null);
        rows.claim(T0, 1, "dead", LEASE, null);

        assertThat(rows.releaseAbandoned("live"::equals)).isEqualTo(1);
        assertThat(rows.release(claimed.get(0).id(), "live", T0)).isTrue();
        assertThat(rows.claim(T0, 10, "next", LEASE, null)).extracting(OutboxTable.Claimed::attempts)
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void digestsOfSubscribersWhoLeftAreCancelledNotSent() {
        Stores s = newStores();
        long a = dueDigest(s, "a@example.org");
        long b = dueDigest(s, "b@example.org");
        assertThat(s.digests().cancel(a)).isEqualTo(1);
        s.subscribers().unsubscribe(b);
        assertThat(s.digests().table().claim(T0, 10, "a", LEASE, null)).isEmpty();
        assertThat(s.digests().counts()).containsEntry(State.CANCELLED, 2L).containsEntry(State.DUE, 0L);
    }

    @Test
    void doneDigestsForgetTheirMailButKeepTheirPeriodAndPapers() {
        Stores s = newStores();
        long id = subscriber(s, "a@example.org");
        s.digests().add(id, "2026-06-01", message("a@example.org"), bytes("mail"), List.of("p1"), State.SKIPPED, T0);
        s.digests().add(id, "2026-06-02", message("a@example.org"), bytes("mail"), List.of("p2"), State.DUE, T0);
        assertThat(s.digests().forgetMail(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(s.digests().mail(id, "2026-06-01")).isEmpty();
        assertThat(s.digests().mail(id, "2026-06-02")).isPresent();
        assertThat(s.digests().papersGiven(id)).isEqualTo(Set.of("p1", "p2"));
        assertThat(s.digests().add(id, "2026-06-01", message("a@example.org"), bytes("again"), List.of(), State.DUE,
                T0)).isFalse();
    }

    @Test
    void digestsStoredWithoutTheirMailAreRenderedOnceAndThenSendable() {
        Stores s = newStores();
        long id = subscriber(s, "a@example.org");
        s.digests().add(id, "2026-06-01", message("a@example.org"), null, List.of(), State.DUE, T0);
        assertThat(s.digests().table().claim(T0, 10, "a", LEASE, null)).isEmpty();
        assertThat(s.digests().renderMissing(m -> new RenderedMail(m.messageId(), m.to(), bytes(m.subject()))))
                .isEqualTo(1);
        assertThat(s.digests().renderMissing(m -> new RenderedMail(m.messageId(), m.to(), bytes("other"))))
                .isZero();
        assertThat(s.digests().table().claim(T0, 10, "a", LEASE, null)).singleElement()
                .satisfies(c -> assertThat(c.mail().bytes()).isEqualTo(bytes("Your digest")));
    }

    @Test
    void linkMailsGoThroughTheSameStateMachineAndAreForgottenOnceDone() {
        Stores s = newStores();
        long id = subscriber(s, "a@example.org");
        s.mails().add(id, "confirm", new RenderedMail("<c@paperwire>", "a@example.org", bytes("confirm")), T0);
        s.mails().add(id, "manage", new RenderedMail("<m@paperwire>", "a@example.org", bytes("manage")), T0);
        OutboxTable rows = s.mails().table();
        List<OutboxTable.Claimed> claimed = rows.claim(T0, 10, "a", LEASE, null);
        assertThat(claimed).extracting(OutboxTable.Claimed::what).containsExactly("confirm", "manage");
        rows.markSent(claimed.get(0).id(), "a", T0);
        rows.markFailed(claimed.get(1).id(), "a", T0.plusSeconds(1), "550 no such user");
        assertThat(s.mails().counts()).isEqualTo(Map.of("sent", 1L, "failed", 1L));
        assertThat(s.digests().failures(10)).singleElement().extracting(DigestOutbox.Failure::period)
                .isEqualTo("manage");

        assertThat(s.mails().forget(T0)).isZero();
        assertThat(s.mails().forget(T0.plusSeconds(1))).isEqualTo(2);
        assertThat(s.mails().counts()).isEmpty();
    }

    @Test
    void aRowWhoseLeaseRanOutIsClaimedByTheNextSenderInIdOrder() {
        Stores s = newStores();
        dueDigest(s, "a@example.org");
        dueDigest(s, "b@example.org");
        dueDigest(s, "c@example.org");
        OutboxTable rows = s.digests().table();
        List<OutboxTable.Claimed> first = rows.claim(T0, 2, "hung", LEASE, null);
        assertThat(first).extracting(OutboxTable.Claimed::id).isSorted().hasSize(2);

        assertThat(rows.claim(T0.plus(LEASE).minusSeconds(1), 10, "next", LEASE, null)).hasSize(1);
        List<OutboxTable.Claimed> taken = rows.claim(T0.plus(LEASE), 10, "next", LEASE, null);
        assertThat(taken).extracting(OutboxTable.Claimed::id).containsExactlyElementsOf(
                first.stream().map(OutboxTable.Claimed::id).toList());
        assertThat(taken).extracting(OutboxTable.Claimed::attempts).containsOnly(2);
        assertThat(rows.markSent(first.get(0).id(), "hung", T0.plus(LEASE))).isFalse();
    }

    /**
     * Several senders (threads here, nodes sharing PostgreSQL in a cluster) claim at once: each row goes to exactly
     * one of them, in both outboxes.
     */
    @Test
    void sendersClaimingAtOnceNeverGetTheSameRow() throws Exception {
        Stores s = newStores();
        Set<Long> mails = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String email = "r" + i + "@example.org";
            long id = subscriber(s, email);
            s.digests().add(id, "2026-06-01", message(email), bytes("mail"), List.of(), State.DUE, T0);
            mails.add(s.mails().add(id, "confirm", new RenderedMail("<c" + i + "@paperwire>", email, bytes("c")), T0));
        }

        List<List<Long>> claims = AtOnce.run(4, t -> {
            List<Long> mine = new ArrayList<>();
            for (boolean more = true; more; ) {
                List<OutboxTable.Claimed> d = s.digests().table().claim(T0, 2, "sender-" + t, LEASE, null);
                List<OutboxTable.Claimed> m = s.mails().table().claim(T0, 2, "sender-" + t, LEASE, null);
                d.forEach(c -> mine.add(c.id()));
                m.forEach(c -> mine.add(-c.id())); // mail rows negative, apart from digest rows
                more = !d.isEmpty() || !m.isEmpty();
            }
            return mine;
        });
        List<Long> all = claims.stream().flatMap(List::stream).toList();
        assertThat(all).doesNotHaveDuplicates().hasSize(60);
        assertThat(all.stream().filter(id -> id < 0).map(id -> -id)).containsExactlyInAnyOrderElementsOf(mails);
        assertThat(s.digests().counts()).containsEntry(State.IN_FLIGHT, 30L);
    }
}
