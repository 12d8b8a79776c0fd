package org.paperwire.library;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.paperwire.paper.ArxivId;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;

/**
 * A reader's library: named collections of saved papers (the first one, "Library" unless renamed, is the default),
 * and "more like this" / "not for me" ratings per collection. Every method takes the reader (a subscriber id) and
 * touches only that reader's collections: a collection id of another reader is simply not found.
 *
 * <p>For the recommendation model: per collection, the saved papers and the papers rated "more like this" are the
 * positives, those rated "not for me" the negatives ({@link #trainingSets}); {@link LibraryCollection#revision()}
 * changes whenever either does.
 */
public final class LibraryService {
    /** The name of the collection a reader's first saved paper goes into. */
    public static final String DEFAULT_NAME = "Library";
    public static final int MAX_NAME_LENGTH = 60;
    public static final int MAX_COLLECTIONS = 100;
    private static final int MAX_ID_LENGTH = 64;

    /** What a collection teaches a model: positives (newest first, with when they were added) and negatives. */
    public record TrainingSet(LibraryCollection collection, List<SavedPaper> positives, List<RatedPaper> negatives) {}

    /** A paper of a collection as the library page shows it; {@code paper} is empty until a harvest brings it. */
    public record Entry(String paperId, Optional<Paper> paper, Instant at, Optional<Rating> rating) {}

    /** A collection with its papers and the ratings of papers not in it, as the library page and exports show them. */
    public record Shelf(LibraryCollection collection, List<Entry> papers, List<Entry> rated) {}

    private final LibraryStore store;
    private final PaperStore papers;
    private final InstantSource clock;

    public LibraryService(LibraryStore store, PaperStore papers, InstantSource clock) {
        this.store = store;
        this.papers = papers;
        this.clock = clock;
    }

    /** The reader's collections, the default one first; none until the reader saves, rates or creates one. */
    public List<LibraryCollection> collections(long reader) {
        return store.collections(reader);
    }

    /** The reader's default collection (the oldest), created as "Library" when the reader has none. */
    public LibraryCollection defaultCollection(long reader) {
        List<LibraryCollection> all = store.collections(reader);
        if (!all.isEmpty()) {
            return all.get(0);
        }
        return store.create(reader, DEFAULT_NAME, clock.instant())
                .or(() -> store.collectionNamed(reader, DEFAULT_NAME)) // made by a concurrent request
                .orElseThrow();
    }

    /** The reader's collection {@code id}, or the default one for {@code null}. */
    public LibraryCollection collection(long reader, Long id) {
        if (id == null) {
            return defaultCollection(reader);
        }
        return store.collection(reader, id).orElseThrow(() -> LibraryException.notFound(
                "you have no collection " + id + " (it may have been deleted)"));
    }

    /** The reader's collection of this name (case-insensitive), created when there is none. */
    public LibraryCollection collectionNamed(long reader, String rawName) {
        String name = name(rawName);
        return store.collectionNamed(reader, name).orElseGet(() -> create(reader, name));
    }

    public LibraryCollection create(long reader, String rawName) {
        String name = name(rawName);
        if (store.collections(reader).size() >= MAX_COLLECTIONS) {
            throw LibraryException.badInput("you have " + MAX_COLLECTIONS + " collections, the most there can be;"
                    + " delete one first");
        }
        return store.create(reader, name, clock.instant()).orElseThrow(() -> LibraryException.badInput(
                "you already have a collection named '" + name + "'"));
    }

    public void rename(long reader, long collectionId, String rawName) {
        String name = name(rawName);
        collection(reader, collectionId);
        if (!store.rename(reader, collectionId, name)) {
            throw LibraryException.badInput("you already have a collection named '" + name + "'");
        }
    }

    public void delete(long reader, long collectionId) {
        if (!store.delete(reader, collectionId)) {
            throw LibraryException.notFound("you have no collection " + collectionId);
        }
    }

    /**
     * Saves a paper into the collection ({@code null}: the default one); saving it again changes nothing.
     *
     * @return the paper id as stored (without version)
     */
    public String save(long reader, Long collectionId, String rawPaperId) {
        String id = paperId(rawPaperId);
        store.add(collection(reader, collectionId).id(), id, clock.instant());
        return id;
    }

    /** Saves several papers into the collection named {@code name} (created if needed); returns how many were new. */
    public int saveAll(long reader, String name, List<String> paperIds) {
        LibraryCollection c = collectionNamed(reader, name);
        Instant now = clock.instant();
        int added = 0;
        for (String raw : paperIds) {
            added += store.add(c.id(), paperId(raw), now) ? 1 : 0;
        }
        return added;
    }

    /**
     * The ids saved in the reader's collection named {@code name}, oldest first; of every collection (each id once)
     * when {@code name} is null; empty when the reader has no collection of that name (none is created).
     */
    public Optional<List<String>> savedIdsInOrder(long reader, String name) {
        List<LibraryCollection> chosen;
        if (name == null) {
            chosen = store.collections(reader);
        } else {
            Optional<LibraryCollection> c = store.collectionNamed(reader, name(name));
            if (c.isEmpty()) {
                return Optional.empty();
            }
            chosen = List.of(c.get());
        }
        List<SavedPaper> saved = new ArrayList<>();
        chosen.forEach(c -> saved.addAll(store.papers(c.id())));
        saved.sort(java.util.Comparator.comparing(SavedPaper::addedAt).thenComparing(SavedPaper::paperId));
        return Optional.of(saved.stream().map(SavedPaper::paperId).distinct().toList());
    }

    public void remove(long reader, long collectionId, String rawPaperId) {
        store.remove(collection(reader, collectionId).id(), paperId(rawPaperId));
    }

    public void move(long reader, long from, long to, String rawPaperId) {
        String id = paperId(rawPaperId);
        LibraryCollection source = collection(reader, from);
        LibraryCollection target = collection(reader, to);
        if (!store.move(source.id(), target.id(), id)) {
            throw LibraryException.notFound(id + " is not in '" + source.name() + "'");
        }
    }

    /** Rates a paper in the collection ({@code null}: the default one); "not for me" takes it out of the collection. */
    public LibraryCollection rate(long reader, Long collectionId, String rawPaperId, Rating rating) {
        LibraryCollection c = collection(reader, collectionId);
        store.rate(c.id(), paperId(rawPaperId), rating, clock.instant());
        return c;
    }

    public void unrate(long reader, Long collectionId, String rawPaperId) {
        store.unrate(collection(reader, collectionId).id(), paperId(rawPaperId));
    }

    /** The reader's ratings in the default collection: paper id to 1 (more like this) or -1 (not for me). */
    public Map<String, Integer> ratingsInDefault(long reader) {
        List<LibraryCollection> all = store.collections(reader);
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> out = new HashMap<>();
        store.ratings(all.get(0).id()).forEach(r -> out.put(r.paperId(), r.rating().value()));
        return out;
    }

    /**
     * The papers a browser voted for before its reader signed in become "more like this" ratings in the reader's
     * default collection, except those the reader saved or rated there already.
     *
     * @return how many ratings were added
     */
    public int adoptVotes(long reader, List<String> votedPaperIds) {
        if (votedPaperIds.isEmpty()) {
            return 0;
        }
        LibraryCollection c = defaultCollection(reader);
        Set<String> known = new LinkedHashSet<>();
        store.papers(c.id()).forEach(p -> known.add(p.paperId()));
        store.ratings(c.id()).forEach(r -> known.add(r.paperId()));
        int added = 0;
        for (String id : votedPaperIds) {
            if (known.add(id)) {
                store.rate(c.id(), id, Rating.MORE_LIKE_THIS, clock.instant());
                added++;
            }
        }
        return added;
    }

    /** Ids of the papers in any of the reader's collections. */
    public Set<String> savedIds(long reader) {
        return store.savedIds(reader);
    }

    /** Ids of every paper the reader saved or rated in any collection: the digest leaves them out. */
    public Set<String> savedOrRated(long reader) {
        return store.savedOrRatedIds(reader);
    }

    /** Per collection of the reader, its positives and negatives, for the recommendation model. */
    public List<TrainingSet> trainingSets(long reader) {
        return store.collections(reader).stream().map(this::trainingSet).toList();
    }

    public TrainingSet trainingSet(long reader, long collectionId) {
        return trainingSet(collection(reader, collectionId));
    }

    /**
     * {@link #trainingSet} of each of these collections (the caller read them: they must be its readers'), in one read
     * of their papers and one of their ratings for all of them.
     */
    public List<TrainingSet> trainingSets(List<LibraryCollection> collections) {
        List<Long> ids = collections.stream().map(LibraryCollection::id).toList();
        Map<Long, List<SavedPaper>> saved = store.papers(ids);
        Map<Long, List<RatedPaper>> rated = store.ratings(ids);
        return collections.stream().map(c -> trainingSet(c, saved.getOrDefault(c.id(), List.of()),
                rated.getOrDefault(c.id(), List.of()))).toList();
    }

    /** The collections of each of these readers, oldest first, in one read; a reader without any is left out. */
    public Map<Long, List<LibraryCollection>> collections(Collection<Long> readers) {
        return store.collections(readers);
    }

    /** {@link #savedOrRated(long)} of each of these readers, in one read; a reader with none is left out. */
    public Map<Long, Set<String>> savedOrRated(Collection<Long> readers) {
        return store.savedOrRatedIds(readers);
    }

    private TrainingSet trainingSet(LibraryCollection c) {
        return trainingSet(c, store.papers(c.id()), store.ratings(c.id()));
    }

    private static TrainingSet trainingSet(LibraryCollection c, List<SavedPaper> saved, List<RatedPaper> ratings) {
        Map<String, SavedPaper> positives = new LinkedHashMap<>();
        saved.forEach(p -> positives.put(p.paperId(), p));
        List<RatedPaper> negatives = new ArrayList<>();
        for (RatedPaper r : ratings) {
            if (r.rating() == Rating.NOT_FOR_ME) {
                negatives.add(r);
            } else {
                positives.putIfAbsent(r.paperId(), new SavedPaper(r.paperId(), r.ratedAt()));
            }
        }
        List<SavedPaper> sorted = positives.values().stream().sorted(Comparator.comparing(SavedPaper::addedAt)
                .reversed().thenComparing(SavedPaper::paperId)).toList();
        return new TrainingSet(c, sorted, negatives);
    }

    /** Subscriber ids of the readers who have a library, ascending. */
    public List<Long> readers() {
        return store.readers();
    }

    /** Every collection of the reader with its papers (and those papers' records, where the store has them). */
    public List<Shelf> shelves(long reader) {
        List<Shelf> out = new ArrayList<>();
        for (LibraryCollection c : store.collections(reader)) {
            List<SavedPaper> saved = store.papers(c.id());
            List<RatedPaper> ratings = store.ratings(c.id());
            List<String> ids = new ArrayList<>();
            saved.forEach(p -> ids.add(p.paperId()));
            ratings.forEach(r -> ids.add(r.paperId()));
            Map<String, Paper> known = papers.findAll(ids.stream().distinct().toList()).stream()
                    .collect(Collectors.toMap(Paper::id, Function.identity(), (a, b) -> a));
            Map<String, Rating> byPaper = new HashMap<>();
            ratings.forEach(r -> byPaper.put(r.paperId(), r.rating()));
            List<Entry> entries = saved.stream().map(p -> new Entry(p.paperId(), Optional.ofNullable(known.get(p.paperId())),
                    p.addedAt(), Optional.ofNullable(byPaper.get(p.paperId())))).toList();
            Set<String> inIt = saved.stream().map(SavedPaper::paperId).collect(Collectors.toSet());
            List<Entry> rated = ratings.stream().filter(r -> !inIt.contains(r.paperId()))
                    .map(r -> new Entry(r.paperId(), Optional.ofNullable(known.get(r.paperId())), r.ratedAt(),
                            Optional.of(r.rating()))).toList();
            out.add(new Shelf(c, entries, rated));
        }
        return out;
    }

    /**
     * Everything the reader keeps here, as a JSON-ready tree: collections with their papers and ratings. The
     * {@code /library/export.json} download and {@code GET /api/v1/library} answer it.
     */
    public Map<String, Object> export(long reader, String email) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("reader", email);
        root.put("exported_at", clock.instant().toString());
        List<Map<String, Object>> collections = new ArrayList<>();
        for (Shelf shelf : shelves(reader)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", shelf.collection().id());
            c.put("name", shelf.collection().name());
            c.put("created_at", shelf.collection().createdAt().toString());
            c.put("papers", shelf.papers().stream().map(e -> exported(e, "added_at")).toList());
            List<Map<String, Object>> ratings = new ArrayList<>();
            store.ratings(shelf.collection().id()).forEach(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.paperId());
                m.put("rating", r.rating().jsonName());
                m.put("rated_at", r.ratedAt().toString());
                ratings.add(m);
            });
            c.put("ratings", ratings);
            collections.add(c);
        }
        root.put("collections", collections);
        return root;
    }

    private static Map<String, Object> exported(Entry e, String timeKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.paperId());
        m.put("title", e.paper().map(Paper::title).orElse(null));
        m.put(timeKey, e.at().toString());
        return m;
    }

    /** A collection name: trimmed, 1 to {@value #MAX_NAME_LENGTH} characters, no control characters. */
    static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw LibraryException.badInput("a collection needs a name");
        }
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw LibraryException.badInput("a collection name has at most " + MAX_NAME_LENGTH
                    + " characters and no control characters; '" + abbreviate(name) + "' is not one");
        }
        return name;
    }

    /** An arXiv id without version, from any form {@link ArxivId} reads (abs / pdf URLs, {@code arXiv:} prefix). */
    static String paperId(String raw) {
        if (raw == null || raw.length() > MAX_ID_LENGTH) {
            throw LibraryException.badInput("'" + abbreviate(String.valueOf(raw)) + "' is not an arXiv id");
        }
        return ArxivId.parse(raw).map(ArxivId::id).orElseThrow(() -> LibraryException.badInput(
                "'" + raw + "' is not an arXiv id (expected e.g. 2406.01234 or hep-th/9901001)"));
    }

    private static String abbreviate(String s) {
        return s.length() > MAX_ID_LENGTH ? s.substring(0, MAX_ID_LENGTH) + "…" : s;
    }
}
