package org.paperwire.library.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A reader library in memory, standing in for the library store in these tests. */
final class MemoryLibrary implements LibraryItems {
    final Map<String, Map<String, Set<String>>> collections = new LinkedHashMap<>();

    MemoryLibrary(String... readers) {
        for (String r : readers) {
            collections.put(r, new LinkedHashMap<>());
        }
    }

    @Override
    public boolean hasReader(String readerEmail) {
        return collections.containsKey(readerEmail);
    }

    @Override
    public void addAll(String readerEmail, String collection, List<String> paperIds) {
        collections.get(readerEmail).computeIfAbsent(collection, c -> new LinkedHashSet<>()).addAll(paperIds);
    }

    @Override
    public Optional<List<String>> list(String readerEmail, String collection) {
        Map<String, Set<String>> library = collections.get(readerEmail);
        if (collection != null) {
            return Optional.ofNullable(library.get(collection)).map(ArrayList::new);
        }
        Set<String> all = new LinkedHashSet<>();
        library.values().forEach(all::addAll);
        return Optional.of(new ArrayList<>(all));
    }

    List<String> ids(String reader, String collection) {
        return list(reader, collection).orElseThrow();
    }
}
