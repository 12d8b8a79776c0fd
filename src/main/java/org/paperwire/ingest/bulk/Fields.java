package org.paperwire.ingest.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.paperwire.paper.ArxivId;

/** Reading the fields of one JSON record, with messages that say which field was wrong. */
final class Fields {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Fields() {}

    /** The field as text, or null when it is missing or JSON null. */
    static String text(JsonNode record, String key) {
        JsonNode value = record.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw new BadRecordException("'" + key + "' should be a string, not " + value.getNodeType());
        }
        return value.asText();
    }

    /** The field as one line of text (see {@link #singleLine}), or a bad record naming the missing field. */
    static String requiredLine(JsonNode record, String key) {
        String value = singleLine(text(record, key));
        if (value == null || value.isEmpty()) {
            throw new BadRecordException("record has no " + key);
        }
        return value;
    }

    /** The field as one line of text, or null when it is missing or blank. */
    static String optionalLine(JsonNode record, String key) {
        String value = singleLine(text(record, key));
        return value == null || value.isEmpty() ? null : value;
    }

    /** The field with only its leading and trailing whitespace removed (abstracts keep their TeX and line breaks). */
    static String stripped(JsonNode record, String key) {
        String value = text(record, key);
        return value == null ? "" : value.strip();
    }

    /** An array of strings, each made one line, blanks left out; empty when the field is missing. */
    static List<String> lines(JsonNode record, String key) {
        JsonNode array = record.path(key);
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new BadRecordException("'" + key + "' should be an array, not " + array.getNodeType());
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            String value = item.isValueNode() ? singleLine(item.asText()) : "";
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    /** arXiv's hard line breaks and indentation collapsed to single spaces, ends stripped. */
    static String singleLine(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return isSingleLine(stripped) ? stripped : WHITESPACE.matcher(stripped).replaceAll(" ");
    }

    private static boolean isSingleLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || text.charAt(i + 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** The record's arXiv id, or a bad record naming the value. */
    static ArxivId arxivId(JsonNode record, String key) {
        String raw = requiredLine(record, key);
        return ArxivId.parse(raw).orElseThrow(() -> new BadRecordException(
                "'" + raw + "' is not an arXiv id (expected e.g. 2406.01234 or hep-th/9901001)"));
    }
}
