package org.paperwire.trending;

import java.util.List;
import java.util.Locale;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperSummary;

/**
 * What a paper's page shows: the paper, its signals, whether this visitor voted, similar papers, and the
 * points of its signal chart.
 */
public record PaperPage(Paper paper, Signals signals, boolean voted, List<PaperSummary> similar,
        List<SignalStore.DayPoint> history) {

    /** SVG polyline points (0..100 × 0..30) of total votes + upvotes per day; empty with fewer than two days. */
    public String chartPoints() {
        if (history.size() < 2) {
            return "";
        }
        long max = 1;
        for (SignalStore.DayPoint p : history) {
            max = Math.max(max, total(p));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < history.size(); i++) {
            double x = 100.0 * i / (history.size() - 1);
            double y = 30 - 28.0 * total(history.get(i)) / max;
            b.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return b.toString().strip();
    }

    private static long total(SignalStore.DayPoint p) {
        return p.signals().votes() + p.signals().hfUpvotes();
    }
}
