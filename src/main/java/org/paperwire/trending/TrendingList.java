package org.paperwire.trending;

import java.time.LocalDate;
import java.util.List;
import org.paperwire.paper.DateWindow;

/**
 * A page of a trending ranking.
 *
 * @param referenceDay the last day of the window: today, or the newest day with papers when harvesting lags
 * @param category the category filter, or null for all
 * @param total how many papers the whole ranking has
 * @param fallbackToNewest true when no paper in the window has any signal, so the list is simply newest first
 */
public record TrendingList(
        DateWindow window,
        String category,
        LocalDate referenceDay,
        int total,
        boolean fallbackToNewest,
        List<TrendItem> items) {}
