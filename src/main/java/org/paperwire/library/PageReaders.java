package org.paperwire.library;

import io.javalin.http.Context;
import java.util.Optional;
import org.paperwire.reader.ReaderSessions;
import org.paperwire.web.PageContext;

/**
 * The signed-in reader as every page shows them ({@link PageContext.Reader}): the header's account links, and the
 * Save and rating buttons' collections and states. Looked up only for requests that carry a session cookie.
 */
public final class PageReaders {
    private final ReaderSessions sessions;
    private final LibraryService library;

    public PageReaders(ReaderSessions sessions, LibraryService library) {
        this.sessions = sessions;
        this.library = library;
    }

    public Optional<PageContext.Reader> reader(Context ctx) {
        return sessions.current(ctx).map(c -> {
            long id = c.reader().id();
            String query = ctx.queryString();
            return new PageContext.Reader(c.reader().email(), sessions.csrf(c),
                    ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query),
                    library.collections(id).stream().map(l -> new PageContext.Shelf(l.id(), l.name())).toList(),
                    library.savedIds(id), library.ratingsInDefault(id));
        });
    }
}
