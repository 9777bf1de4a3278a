package org.lmssync.export;

import java.util.List;

/** One CSV record as pandas writes it: comma, minimal quoting with doubled quotes, LF. */
final class CsvLine {
    private CsvLine() {
    }

    static String of(List<String> fields) {
        StringBuilder sb = new StringBuilder(fields.size() * 16);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            append(sb, fields.get(i));
        }
        return sb.append('\n').toString();
    }

    private static void append(StringBuilder sb, String v) {
        if (v == null || v.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
