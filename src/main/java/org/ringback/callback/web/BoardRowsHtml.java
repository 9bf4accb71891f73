package org.ringback.callback.web;

import java.util.List;

/**
 * The board's rows as HTML, written in Java rather than by the template. A board has up to 1,000 rows of ten
 * cells and refreshes every 15 seconds on every open screen; the template engine's per-cell work (variable
 * look-ups through the request, attribute processing) cost several times the query (BENCHMARKS.md). The
 * markup is the same the template would write; every text is escaped here, as {@code th:text} would.
 */
final class BoardRowsHtml {

    /** Labels the rows share, already in the user's language. */
    record Labels(String redFlagTitle, String redFlagShort) {
    }

    private BoardRowsHtml() {
    }

    static String render(List<BoardLine> lines, boolean showPractice, Labels labels) {
        var html = new StringBuilder(lines.size() * 640);
        for (BoardLine line : lines) {
            html.append("<tr");
            if (!line.rowClass().isEmpty()) {
                html.append(" class=\"").append(line.rowClass()).append('"');
            }
            html.append(">\n<td><span class=\"").append(line.urgencyClass()).append("\">");
            escaped(html, line.urgency()).append("</span>");
            if (line.redFlag()) {
                html.append(" <span class=\"flag\" title=\"");
                escaped(html, labels.redFlagTitle()).append("\">");
                escaped(html, labels.redFlagShort()).append("</span>");
            }
            html.append("</td>\n<td><a href=\"").append(line.href()).append("\">");
            escaped(html, line.patient()).append("</a>");
            if (showPractice) {
                html.append(" <span class=\"practice\">");
                escaped(html, line.practiceName()).append("</span>");
            }
            html.append("</td>\n");
            cell(html, "why", line.category());
            cell(html, null, line.owner());
            cell(html, null, line.age());
            html.append("<td><span class=\"").append(line.aging()).append("\">");
            escaped(html, line.due()).append("</span> <span class=\"visually-hidden\">");
            escaped(html, line.agingLabel()).append("</span></td>\n");
            cell(html, null, line.tried());
            cell(html, null, line.status());
            html.append("<td><span>");
            escaped(html, line.nextAction()).append("</span> <span class=\"when\">");
            escaped(html, line.nextActionAt()).append("</span></td>\n</tr>\n");
        }
        return html.toString();
    }

    private static void cell(StringBuilder html, String cssClass, String text) {
        html.append(cssClass == null ? "<td>" : "<td class=\"" + cssClass + "\">");
        escaped(html, text).append("</td>\n");
    }

    /**
     * Appends the text as {@code HtmlUtils.htmlEscape(text, "UTF-8")} writes it (the five characters HTML gives a
     * meaning to), into the page's builder: escaping through a new string per cell was most of the rows' rendering
     * time at 1,000 rows (BENCHMARKS.md).
     */
    static StringBuilder escaped(StringBuilder html, String text) {
        int clean = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                html.append(text, clean, i).append(entity);
                clean = i + 1;
            }
        }
        return html.append(text, clean, text.length());
    }
}
