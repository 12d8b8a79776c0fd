package org.paperwire.search.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.paperwire.paper.Paper;

/**
 * A judged development collection made from arXiv daily listings by the inverse cloze task (Lee et al. 2019,
 * "Latent Retrieval for Weakly Supervised Open Domain Question Answering"): a sentence from the second half
 * of a paper's abstract, where papers state their findings, becomes the query, and the relevant document is
 * that paper with the sentence removed. The queries read like SciFact's claims, but the collection shares
 * nothing with SciFact, so settings can be chosen here and only reported there (docs/quality-log.md).
 *
 * <p>Deterministic: the listing files are read in name order from {@link #FIRST_DAY}, the first {@link #DOCS}
 * distinct papers are the corpus, and a fixed seed picks {@link #QUERIES} of them and their sentences.
 */
public final class ClozeCollection {
    public static final String FIRST_DAY = "2025-06-02";
    public static final int DOCS = 5_000;
    public static final int QUERIES = 500;
    private static final long SEED = 20261129L;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");
    /** Sentences that name a URL, code or TeX make poor queries. */
    private static final Pattern SKIP = Pattern.compile("http|github|code (is|and)|available at|\\$", Pattern.CASE_INSENSITIVE);

    private ClozeCollection() {}

    /**
     * Builds the collection from the daily listing files ({@code YYYY-MM-DD.jsonl.gz}) in {@code listings}.
     *
     * @throws IllegalArgumentException when the folder holds no listing files from {@link #FIRST_DAY} on
     */
    public static BeirDataset build(Path listings) {
        return build(listings, DOCS, QUERIES);
    }

    /** The same procedure at another size (tests). */
    static BeirDataset build(Path listings, int docs, int queryCount) {
        Map<String, String[]> papers = read(listings, docs);
        if (papers.size() < docs) {
            throw new IllegalArgumentException(listings + " holds " + papers.size() + " papers from " + FIRST_DAY
                    + " on; the development collection needs daily listing files (YYYY-MM-DD.jsonl.gz) with " + docs
                    + " (the shared arXiv listings: ../shared/data/arxiv/daily-arxiv-ai-enhanced/data)");
        }
        List<String> ids = new ArrayList<>(new TreeMap<>(papers).keySet());
        List<String> candidates = new ArrayList<>();
        for (String id : ids) {
            if (!querySentences(sentences(papers.get(id)[1])).isEmpty()) {
                candidates.add(id);
            }
        }
        if (candidates.size() < queryCount) {
            throw new IllegalArgumentException("only " + candidates.size() + " of the " + docs + " papers in " + listings
                    + " have a sentence that can become a query; the development collection needs " + queryCount);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = candidates.size() - 1; i > 0; i--) { // Fisher-Yates: the first QUERIES are the sample
            int j = random.nextInt(i + 1);
            String t = candidates.get(i);
            candidates.set(i, candidates.get(j));
            candidates.set(j, t);
        }
        List<String> chosen = new ArrayList<>(candidates.subList(0, queryCount));
        chosen.sort(null);
        Map<String, String> queries = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        Map<String, String> cutAbstracts = new HashMap<>();
        for (int n = 0; n < chosen.size(); n++) {
            String id = chosen.get(n);
            List<String> sentences = sentences(papers.get(id)[1]);
            List<Integer> usable = querySentences(sentences);
            int cut = usable.get(random.nextInt(usable.size()));
            String qid = "q" + n;
            queries.put(qid, sentences.get(cut));
            qrels.put(qid, Map.of(id, 1));
            List<String> rest = new ArrayList<>(sentences);
            rest.remove(cut);
            cutAbstracts.put(id, String.join(" ", rest));
        }
        List<Paper> corpus = new ArrayList<>(ids.size());
        for (String id : ids) {
            String[] p = papers.get(id);
            corpus.add(new Paper(id, 0, p[0], cutAbstracts.getOrDefault(id, p[1]), List.of(), List.of(), null, null,
                    null, null, null, null));
        }
        return new BeirDataset("arxiv-cloze", corpus, queries, qrels);
    }

    /** id → {title, abstract}, whitespace collapsed; the first {@link #DOCS} distinct ids from {@link #FIRST_DAY} on. */
    private static Map<String, String[]> read(Path listings, int docs) {
        List<Path> files;
        try (Stream<Path> list = Files.list(listings)) {
            files = list.filter(f -> f.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.jsonl\\.gz"))
                    .filter(f -> f.getFileName().toString().compareTo(FIRST_DAY) >= 0).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the listing folder " + listings + ": " + e.getMessage(), e);
        }
        Map<String, String[]> papers = new LinkedHashMap<>();
        for (Path file : files) {
            if (papers.size() >= docs) {
                break;
            }
            ListingRecords.read(file, (id, node) -> {
                papers.putIfAbsent(id, new String[] {collapse(node.path("title").asText("")),
                        collapse(node.path("summary").asText(""))});
                return papers.size() < docs;
            });
        }
        return papers;
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** Indexes of the sentences that may become the query: second half, 8 to 60 words, no URL, code or TeX. */
    static List<Integer> querySentences(List<String> sentences) {
        List<Integer> usable = new ArrayList<>();
        if (sentences.size() < 5) {
            return usable;
        }
        for (int i = sentences.size() / 2; i < sentences.size(); i++) {
            int words = sentences.get(i).split(" ").length;
            if (words >= 8 && words <= 60 && !SKIP.matcher(sentences.get(i)).find()) {
                usable.add(i);
            }
        }
        return usable;
    }
}
