package org.ringback.callback.web;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

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
            html.append(">\n<td><span class=\"").append(line.urgencyClass()).append("\">").append(escape(line.urgency())).append("</span>");
            if (line.redFlag()) {
                html.append(" <span class=\"flag\" title=\"").append(escape(labels.redFlagTitle())).append("\">")
                        .append(escape(labels.redFlagShort())).append("</span>");
            }
            html.append("</td>\n<td><a href=\"").append(line.href()).append("\">").append(escape(line.patient())).append("</a>");
            if (showPractice) {
                html.append(" <span class=\"practice\">").append(escape(line.practiceName())).append("</span>");
            }
            html.append("</td>\n");
            cell(html, "why", line.category());
            cell(html, null, line.owner());
            cell(html, null, line.age());
            html.append("<td><span class=\"").append(line.aging()).append("\">").append(escape(line.due()))
                    .append("</span> <span class=\"visually-hidden\">").append(escape(line.agingLabel())).append("</span></td>\n");
            cell(html, null, line.tried());
            cell(html, null, line.status());
            html.append("<td><span>").append(escape(line.nextAction())).append("</span> <span class=\"when\">")
                    .append(escape(line.nextActionAt())).append("</span></td>\n</tr>\n");
        }
        return html.toString();
    }

    private static void cell(StringBuilder html, String cssClass, String text) {
        html.append(cssClass == null ? "<td>" : "<td class=\"" + cssClass + "\">").append(escape(text)).append("</td>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
