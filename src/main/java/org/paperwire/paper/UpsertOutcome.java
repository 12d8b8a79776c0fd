package org.paperwire.paper;

/** What storing one incoming record did to the store. */
public enum UpsertOutcome {
    /** The paper was not known before. */
    NEW,
    /** A newer version or changed metadata replaced what was stored. */
    UPDATED,
    /** The store already held exactly this (or a newer version). */
    UNCHANGED
}
