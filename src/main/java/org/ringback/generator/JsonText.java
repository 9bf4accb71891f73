package org.ringback.generator;

import java.util.Map;

/**
 * JSON text of a flat string map, the form of every timeline detail and callback detail, written directly for the
 * tens of millions of small maps a large run copies (the object mapper was a fifth of the workers' profile samples,
 * most of them while it was still being compiled). PostgreSQL parses it into the same jsonb value as the mapper's.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    static String object(Map<String, String> map) {
        if (map.isEmpty()) {
            return "{}";
        }
        StringBuilder json = new StringBuilder(16 + 32 * map.size()).append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, entry.getKey());
            json.append(':');
            if (entry.getValue() == null) {
                json.append("null");
            } else {
                string(json, entry.getValue());
            }
        }
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
