/**
 * Offline evaluation of recommendations ({@code paperwire eval --recs}): reader-day tasks made from the arXiv
 * listings, where a researcher's earlier papers are the library and their next paper should rank first among
 * everything listed that day.
 */
package org.paperwire.recommend.eval;
