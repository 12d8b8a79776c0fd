package org.paperwire.digest;

import java.util.List;
import org.paperwire.subscription.DigestPeriod;
import org.paperwire.subscription.Subscriber;

/** A subscriber's digest for one period, before rendering. */
public record Digest(Subscriber subscriber, DigestPeriod period, List<DigestItem> items) {
    public Digest {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
