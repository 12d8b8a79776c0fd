package org.paperwire.library.transfer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperwire.paper.ArxivId;

/**
 * Finds the arXiv paper a reference names, wherever reference managers put it: a bare id with or without
 * {@code arXiv:} and version ({@code 2301.01234v2}, {@code hep-th/9901001}), an arxiv.org abs, pdf or html URL, or
 * arXiv's DOI {@code 10.48550/arXiv.ID}, also inside free text ("arXiv preprint arXiv:1706.03762",
 * "arXiv:2301.01234 [cs]"). Ids come back without version, as the store keys papers.
 */
final class ArxivRefs {
    private static final String ID = "(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d{1,6})?(?![\\d.]*\\d)";
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?:arxiv\\.org/(?:abs|pdf|html|format)/|\\barxiv:\\s*|10\\.48550/arxiv\\.)" + ID, Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_DOI = Pattern.compile(
            "(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)?10\\.48550/arxiv\\." + ID, Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_PREFIX = Pattern.compile("^arxiv:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile(
            "(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/" + ID + "(?:\\.pdf)?/?(?:[?#].*)?",
            Pattern.CASE_INSENSITIVE);

    private ArxivRefs() {}

    /** The id of a value that is nothing but an arXiv reference (an eprint field, a line of an id list). */
    static Optional<String> exact(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = ARXIV_PREFIX.matcher(value.strip()).replaceFirst("");
        Optional<ArxivId> id = ArxivId.parse(v);
        if (id.isPresent()) {
            return id.map(ArxivId::id);
        }
        Matcher url = URL.matcher(v);
        return url.matches() ? canonical(url.group(1)) : fromDoi(v);
    }

    /** The first arXiv reference inside free text (a URL, a note, a journal field). */
    static Optional<String> inText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(text);
        return m.find() ? canonical(m.group(1)) : Optional.empty();
    }

    /** The id of arXiv's own DOI ({@code 10.48550/arXiv.2301.01234}); empty for any other DOI. */
    static Optional<String> fromDoi(String doi) {
        if (doi == null) {
            return Optional.empty();
        }
        Matcher m = ARXIV_DOI.matcher(doi.strip());
        return m.matches() ? canonical(m.group(1)) : Optional.empty();
    }

    /** The DOI of an arXiv paper, as arXiv registers it with DataCite. */
    static String doiOf(String arxivId) {
        return "10.48550/arXiv." + arxivId;
    }

    private static Optional<String> canonical(String id) {
        return ArxivId.parse(id).map(ArxivId::id);
    }
}
