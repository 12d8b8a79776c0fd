package org.paperwire.recommend;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.paperwire.paper.Paper;

/**
 * A small fixed corpus where the right recommendations are clear: a reader's library of graph-learning papers
 * (listed in May), a month of background papers on other topics, and this week's papers, graph and vision ones
 * (the last of each listed on the reference day, 2026-06-30). Texts are drawn (seeded) from a vocabulary per topic.
 */
public final class RecsCorpus {
    public static final LocalDate REFERENCE_DAY = LocalDate.parse("2026-06-30");
    /** The reader's library: six graph papers. */
    public static final List<String> LIBRARY = ids(1, 6);
    /** This week's graph papers; the last is listed on the reference day. */
    public static final List<String> GRAPH_THIS_WEEK = ids(101, 4);
    /** This week's vision papers; the last is listed on the reference day. */
    public static final List<String> VISION_THIS_WEEK = ids(201, 4);

    private static final String[] GRAPH = {"graph", "node", "edge", "message", "passing", "neighbourhood",
        "spectral", "adjacency", "link", "citation", "vertex", "subgraph", "molecular", "gnn", "homophily"};
    private static final String[] VISION = {"image", "pixel", "convolution", "segmentation", "detection", "object",
        "camera", "visual", "depth", "video", "scene", "patch", "resolution", "photo", "rendering"};
    private static final String[] LANGUAGE = {"token", "translation", "sentence", "corpus", "language", "parsing",
        "dialogue", "prompt", "summarization", "lexical", "syntax", "speech", "grammar", "word", "reading"};
    private static final String[] ROBOTICS = {"robot", "control", "manipulation", "grasp", "locomotion", "arm",
        "trajectory", "actuator", "sensor", "navigation", "planning", "legged", "gripper", "torque", "drone"};
    private static final String[] THEORY = {"bound", "regret", "convex", "complexity", "theorem", "proof",
        "lemma", "sample", "minimax", "lower", "upper", "rate", "oracle", "optimality", "asymptotic"};

    private RecsCorpus() {}

    public static List<Paper> papers() {
        List<Paper> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            out.add(paper(1 + i, GRAPH, "2026-05-" + (10 + i)));
        }
        String[][] others = {LANGUAGE, ROBOTICS, THEORY};
        for (int t = 0; t < others.length; t++) {
            for (int i = 0; i < 10; i++) {
                out.add(paper(300 + 10 * t + i, others[t], "2026-06-" + String.format("%02d", 1 + i + t)));
            }
        }
        for (int i = 0; i < 3; i++) {
            out.add(paper(400 + i, VISION, "2026-06-1" + i));
            out.add(paper(410 + i, GRAPH, "2026-06-1" + i));
        }
        for (int i = 0; i < 4; i++) {
            String day = i == 3 ? "2026-06-30" : "2026-06-2" + (6 + i);
            out.add(paper(101 + i, GRAPH, day));
            out.add(paper(201 + i, VISION, day));
        }
        return out;
    }

    /** A vision paper listed on {@code day} that {@link #papers()} does not hold (n above 500). */
    static Paper laterVisionPaper(int n, String day) {
        return paper(n, VISION, day);
    }

    static String id(int n) {
        return String.format("2606.%05d", n);
    }

    private static List<String> ids(int first, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(id(first + i));
        }
        return List.copyOf(out);
    }

    private static Paper paper(int n, String[] vocabulary, String day) {
        SplittableRandom random = new SplittableRandom(n);
        String title = words(vocabulary, 4, random) + " study " + n;
        String text = "We propose a method. " + words(vocabulary, 25, random) + ". Results improve on benchmarks.";
        LocalDate listed = LocalDate.parse(day);
        return new Paper(id(n), 1, title, text, List.of("Author " + n), List.of("cs.LG"), null, null, null,
                listed.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                listed.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), listed);
    }

    private static String words(String[] vocabulary, int n, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        String s = out.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
