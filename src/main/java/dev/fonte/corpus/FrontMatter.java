package dev.fonte.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A short {@code key: value} header between two {@code ---} lines at the top of a document. Keys are lowercase;
 * the body keeps its own text, and {@link #bodyOffset()} says where it starts in the file.
 */
record FrontMatter(Map<String, String> fields, int bodyOffset) {

    static FrontMatter parse(String raw) {
        if (!raw.startsWith("---\n") && !raw.startsWith("---\r\n")) {
            return new FrontMatter(Map.of(), 0);
        }
        int firstLineEnd = raw.indexOf('\n') + 1;
        Map<String, String> fields = new LinkedHashMap<>();
        int pos = firstLineEnd;
        while (pos < raw.length()) {
            int eol = raw.indexOf('\n', pos);
            int next = eol < 0 ? raw.length() : eol + 1;
            String line = raw.substring(pos, eol < 0 ? raw.length() : eol).strip();
            if (line.equals("---")) {
                return new FrontMatter(Map.copyOf(fields), next);
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                String value = line.substring(colon + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                fields.put(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), value);
            }
            pos = next;
        }
        // an opening --- without a closing one is not a header
        return new FrontMatter(Map.of(), 0);
    }

    String get(String key) {
        String value = fields.get(key);
        return value == null || value.isBlank() ? null : value;
    }
}
