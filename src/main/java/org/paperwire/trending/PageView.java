package org.paperwire.trending;

import java.time.LocalDate;

/**
 * One look at a paper's page or API answer.
 *
 * @param day the UTC day of the view: a viewer counts once per paper and day
 * @param viewer the visitor cookie's id, or for requests without one the client network id
 * @param network the client network id ({@code ClientAddresses}), for the per-network cap
 */
public record PageView(String paperId, LocalDate day, String viewer, String network) {}
