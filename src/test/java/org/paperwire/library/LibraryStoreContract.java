package org.paperwire.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber.Status;
import org.paperwire.subscription.SubscriberStore;

/**
 * What every {@link LibraryStore} must do, whatever it stores in: a subclass per implementation hands over a new,
 * empty store with the subscriber store of the same database (readers are subscribers).
 */
abstract class LibraryStoreContract {
    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    /** A library store and the subscriber store of one new, empty database. */
    protected record Stores(LibraryStore library, SubscriberStore subscribers) {}

    protected abstract Stores newStores();

    LibraryStore store;
    SubscriberStore subscribers;
    long alice;
    long bob;

    @BeforeEach
    void readers() {
        Stores s = newStores();
        store = s.library();
        subscribers = s.subscribers();
        alice = reader("alice@example.org");
        bob = reader("bob@example.org");
    }

    long reader(String email) {
        return subscribers.create(email, Status.ACTIVE, Preferences.defaults(7, ZoneId.of("UTC")), List.of(), T0)
                .subscriber().id();
    }

    @Test
    void collectionNamesAreUniquePerReaderWhateverTheirCase() {
        LibraryCollection library = store.create(alice, "Library", T0).orElseThrow();
        assertThat(store.create(alice, "library", T0)).isEmpty();
        assertThat(store.create(bob, "Library", T0)).isPresent();
        LibraryCollection reading = store.create(alice, "Reading", T0.plusSeconds(1)).orElseThrow();

        assertThat(store.collections(alice)).extracting(LibraryCollection::name).containsExactly("Library", "Reading");
        assertThat(store.collectionNamed(alice, "READING")).contains(reading);
        assertThat(store.rename(alice, reading.id(), "LIBRARY")).as("taken by another").isFalse();
        assertThat(store.rename(alice, library.id(), "library")).as("its own name in another case").isTrue();
        assertThat(store.rename(bob, reading.id(), "Mine")).as("not bob's").isFalse();
        assertThat(store.collection(bob, reading.id())).isEmpty();
        assertThat(store.delete(bob, reading.id())).isFalse();
        assertThat(store.delete(alice, reading.id())).isTrue();
        assertThat(store.collections(alice)).extracting(LibraryCollection::name).containsExactly("library");
    }

    @Test
    void savedPapersAreKeptOnceNewestFirstAndEveryChangeRaisesTheRevision() {
        LibraryCollection c = store.create(alice, "Library", T0).orElseThrow();
        assertThat(store.add(c.id(), "2406.00001", T0)).isTrue();
        assertThat(store.add(c.id(), "2406.00002", T0.plusSeconds(5))).isTrue();
        assertThat(store.add(c.id(), "2406.00001", T0.plusSeconds(9))).as("already there").isFalse();

        assertThat(store.papers(c.id())).containsExactly(new SavedPaper("2406.00002", T0.plusSeconds(5)),
                new SavedPaper("2406.00001", T0));
        long revision = store.collection(alice, c.id()).orElseThrow().revision();
        assertThat(revision).isEqualTo(2);
        assertThat(store.remove(c.id(), "2406.00001")).isTrue();
        assertThat(store.remove(c.id(), "2406.00001")).isFalse();
        assertThat(store.collection(alice, c.id()).orElseThrow().revision()).isEqualTo(revision + 1);
        assertThat(store.savedIds(alice)).containsExactly("2406.00002");
        assertThat(store.savedIds(bob)).isEmpty();
    }

    @Test
    void movingKeepsWhenAPaperWasAdded() {
        LibraryCollection a = store.create(alice, "A", T0).orElseThrow();
        LibraryCollection b = store.create(alice, "B", T0).orElseThrow();
        store.add(a.id(), "hep-th/9901001", T0);

        assertThat(store.move(a.id(), b.id(), "hep-th/9901001")).isTrue();
        assertThat(store.papers(a.id())).isEmpty();
        assertThat(store.papers(b.id())).containsExactly(new SavedPaper("hep-th/9901001", T0));
        assertThat(store.move(a.id(), b.id(), "hep-th/9901001")).as("no longer in A").isFalse();
    }

    @Test
    void savedOrRatedIdsAreEveryCollectionsSavedAndRatedPapersOfThatReaderOnly() {
        LibraryCollection library = store.create(alice, "Library", T0).orElseThrow();
        LibraryCollection graphs = store.create(alice, "Graphs", T0).orElseThrow();
        store.add(library.id(), "2406.00001", T0);
        store.add(graphs.id(), "2406.00001", T0); // in two collections: once
        store.add(graphs.id(), "2406.00002", T0);
        store.rate(library.id(), "2406.00003", Rating.NOT_FOR_ME, T0);
        store.rate(graphs.id(), "2406.00004", Rating.MORE_LIKE_THIS, T0);
        LibraryCollection bobs = store.create(bob, "Library", T0).orElseThrow();
        store.add(bobs.id(), "2406.00005", T0);
        store.rate(bobs.id(), "2406.00006", Rating.NOT_FOR_ME, T0);

        assertThat(store.savedOrRatedIds(alice)).containsExactlyInAnyOrder("2406.00001", "2406.00002", "2406.00003",
                "2406.00004");
        assertThat(store.savedOrRatedIds(bob)).containsExactlyInAnyOrder("2406.00005", "2406.00006");
        assertThat(store.savedOrRatedIds(reader("carol@example.org"))).isEmpty();
    }

    @Test
    void manyReadersAndCollectionsAreReadAtOnceAsEachIsReadAlone() {
        LibraryCollection library = store.create(alice, "Library", T0).orElseThrow();
        LibraryCollection graphs = store.create(alice, "Graphs", T0).orElseThrow();
        store.add(library.id(), "2406.00001", T0);
        store.add(library.id(), "2406.00002", T0.plusSeconds(5));
        store.add(graphs.id(), "2406.00001", T0);
        store.rate(library.id(), "2406.00003", Rating.NOT_FOR_ME, T0);
        store.rate(library.id(), "2406.00004", Rating.MORE_LIKE_THIS, T0.plusSeconds(1));
        LibraryCollection bobs = store.create(bob, "Library", T0).orElseThrow();
        store.rate(bobs.id(), "2406.00006", Rating.NOT_FOR_ME, T0);
        long carol = reader("carol@example.org");
        List<Long> readers = new java.util.ArrayList<>(List.of(alice, bob, carol));
        for (int i = 0; i < 600; i++) { // more ids than one statement takes
            readers.add(100_000L + i);
        }

        assertThat(store.collections(readers)).containsOnlyKeys(alice, bob)
                .containsEntry(alice, store.collections(alice)).containsEntry(bob, store.collections(bob));
        assertThat(store.savedOrRatedIds(readers)).containsOnlyKeys(alice, bob)
                .containsEntry(alice, store.savedOrRatedIds(alice)).containsEntry(bob, store.savedOrRatedIds(bob));
        List<Long> collections = List.of(library.id(), graphs.id(), bobs.id(), bobs.id() + 1000);
        assertThat(store.papers(collections)).containsOnlyKeys(library.id(), graphs.id())
                .containsEntry(library.id(), store.papers(library.id())).containsEntry(graphs.id(), store.papers(graphs.id()));
        assertThat(store.papers(library.id())).as("newest first").extracting(SavedPaper::paperId)
                .containsExactly("2406.00002", "2406.00001");
        assertThat(store.ratings(collections)).containsOnlyKeys(library.id(), bobs.id())
                .containsEntry(library.id(), store.ratings(library.id())).containsEntry(bobs.id(), store.ratings(bobs.id()));
        assertThat(store.collections(List.of())).isEmpty();
    }

    @Test
    void aRatingIsOnePerPaperAndCollectionAndNotForMeTakesThePaperOut() {
        LibraryCollection c = store.create(alice, "Library", T0).orElseThrow();
        store.add(c.id(), "2406.00001", T0);
        store.rate(c.id(), "2406.00002", Rating.MORE_LIKE_THIS, T0.plusSeconds(1));
        store.rate(c.id(), "2406.00001", Rating.NOT_FOR_ME, T0.plusSeconds(2));

        assertThat(store.papers(c.id())).as("a negative is not kept as saved").isEmpty();
        assertThat(store.ratings(c.id())).containsExactly(
                new RatedPaper("2406.00001", Rating.NOT_FOR_ME, T0.plusSeconds(2)),
                new RatedPaper("2406.00002", Rating.MORE_LIKE_THIS, T0.plusSeconds(1)));

        store.rate(c.id(), "2406.00002", Rating.NOT_FOR_ME, T0.plusSeconds(3));
        assertThat(store.ratings(c.id())).extracting(RatedPaper::rating).containsExactly(Rating.NOT_FOR_ME,
                Rating.NOT_FOR_ME);
        store.add(c.id(), "2406.00002", T0.plusSeconds(4));
        assertThat(store.ratings(c.id())).as("saving takes back not-for-me").extracting(RatedPaper::paperId)
                .containsExactly("2406.00001");
        assertThat(store.unrate(c.id(), "2406.00001")).isTrue();
        assertThat(store.unrate(c.id(), "2406.00001")).isFalse();
        assertThat(store.ratings(c.id())).isEmpty();
    }

    @Test
    void removingTheSubscriberRemovesItsCollectionsPapersAndRatings() {
        LibraryCollection c = store.create(alice, "Library", T0).orElseThrow();
        store.add(c.id(), "2406.00001", T0);
        store.rate(c.id(), "2406.00002", Rating.MORE_LIKE_THIS, T0);
        LibraryCollection bobs = store.create(bob, "Library", T0).orElseThrow();
        store.add(bobs.id(), "2406.00001", T0);
        assertThat(store.readers()).containsExactly(alice, bob);

        assertThat(subscribers.remove(alice)).isTrue();

        assertThat(store.collections(alice)).isEmpty();
        assertThat(store.papers(c.id())).isEmpty();
        assertThat(store.ratings(c.id())).isEmpty();
        assertThat(store.savedIds(alice)).isEmpty();
        assertThat(store.readers()).containsExactly(bob);
        assertThat(store.papers(bobs.id())).hasSize(1);
    }
}
