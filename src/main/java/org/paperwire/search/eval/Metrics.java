package org.paperwire.search.eval;

/** Mean quality of one mode over a collection's queries. */
public record Metrics(double ndcg10, double recall100, double mrr10) {}
