package org.paperwire.recommend.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.paperwire.search.embed.EmbeddingText;
import org.paperwire.search.eval.ListingRecords;

/**
 * The daily arXiv listing files ({@code YYYY-MM-DD.jsonl.gz}) as the recommendation task sees them: each paper's
 * title and abstract and the day it was first listed (the earliest file it appears in). Authors are not read:
 * the task is content only, and a ranker that saw names would be handed the answer.
 */
public final class Listings {
    private static final Pattern FILE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.jsonl\\.gz");

    /** A listed paper: the text that gets embedded (title and abstract) and its first listing day. */
    public record Listed(String id, String text, LocalDate firstListed) {}

    private final Map<String, Listed> papers;
    private final TreeMap<LocalDate, List<String>> byDay;

    private Listings(Map<String, Listed> papers, TreeMap<LocalDate, List<String>> byDay) {
        this.papers = papers;
        this.byDay = byDay;
    }

    /**
     * @throws IllegalArgumentException when {@code dir} holds no listing files, or one of them is malformed
     */
    public static Listings load(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the listings folder " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no daily listing files (YYYY-MM-DD.jsonl.gz); use the"
                    + " shared arXiv listings, ../shared/data/arxiv/daily-arxiv-ai-enhanced/data");
        }
        Map<String, Listed> papers = new HashMap<>();
        TreeMap<LocalDate, List<String>> byDay = new TreeMap<>();
        for (Path file : files) {
            LocalDate day = LocalDate.parse(file.getFileName().toString().substring(0, 10));
            read(file, day, papers, byDay.computeIfAbsent(day, d -> new ArrayList<>()));
        }
        return new Listings(papers, byDay);
    }

    private static void read(Path file, LocalDate day, Map<String, Listed> papers, List<String> firstToday) {
        ListingRecords.read(file, (id, node) -> {
            if (!papers.containsKey(id)) {
                String text = EmbeddingText.of(node.path("title").asText(""), node.path("summary").asText(""));
                papers.put(id, new Listed(id, text, day));
                firstToday.add(id);
            }
            return true;
        });
    }

    public Optional<Listed> paper(String id) {
        return Optional.ofNullable(papers.get(id));
    }

    /** Every paper first listed on {@code day} (empty when the day has no file or nothing new). */
    public List<String> firstListedOn(LocalDate day) {
        return byDay.getOrDefault(day, List.of());
    }

    /** Every listed paper id, in no particular order. */
    public java.util.Set<String> ids() {
        return papers.keySet();
    }

    public int size() {
        return papers.size();
    }
}
