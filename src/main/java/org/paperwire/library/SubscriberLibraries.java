package org.paperwire.library;

import java.util.List;
import java.util.Optional;
import org.paperwire.library.transfer.LibraryItems;
import org.paperwire.subscription.SubscriberStore;

/** The libraries of subscribers, named by address, as import and export ({@code library.transfer}) see them. */
public final class SubscriberLibraries implements LibraryItems {
    private final SubscriberStore subscribers;
    private final LibraryService library;

    public SubscriberLibraries(SubscriberStore subscribers, LibraryService library) {
        this.subscribers = subscribers;
        this.library = library;
    }

    @Override
    public boolean hasReader(String readerEmail) {
        return subscribers.findByEmail(readerEmail).isPresent();
    }

    @Override
    public void addAll(String readerEmail, String collection, List<String> paperIds) {
        library.saveAll(reader(readerEmail), collection, paperIds);
    }

    @Override
    public Optional<List<String>> list(String readerEmail, String collection) {
        return library.savedIdsInOrder(reader(readerEmail), collection);
    }

    private long reader(String email) {
        return subscribers.findByEmail(email).orElseThrow(() -> new IllegalArgumentException("no reader " + email))
                .id();
    }
}
