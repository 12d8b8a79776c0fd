package org.paperwire.search;

/** Result order: by relevance (ties: newer first, then id) or newest first (ties: id). */
public enum SearchSort { RELEVANCE, DATE }
