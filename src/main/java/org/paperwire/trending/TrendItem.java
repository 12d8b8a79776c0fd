package org.paperwire.trending;

import org.paperwire.paper.PaperSummary;

/** One row of a trending list: its rank (1-based), the paper, its signals and its score. */
public record TrendItem(int rank, PaperSummary paper, Signals signals, double score) {}
