package org.ringback.callback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/** The board's rows written in Java: the same cells the template wrote, every text escaped. */
class BoardRowsHtmlTest {

    private static final BoardRowsHtml.Labels LABELS = new BoardRowsHtml.Labels("A red-flag phrase matched", "Red flag");

    @Test
    void textFromPatientsAndStaffIsEscaped() {
        String html = BoardRowsHtml.render(List.of(line("<script>alert('x')</script>", "R&D \"queue\"", false, "")), false, LABELS);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("<td>R&amp;D &quot;queue&quot;</td>");
    }

    @Test
    void anEmergencyRowStandsOutAndShowsItsRedFlag() {
        String html = BoardRowsHtml.render(List.of(line("M. L. …0134", "FRONT_DESK", true, "emergency")), false, LABELS);

        assertThat(html).startsWith("<tr class=\"emergency\">");
        assertThat(html).contains("<span class=\"badge u-emergency\">Emergency</span>")
                .contains("<span class=\"flag\" title=\"A red-flag phrase matched\">Red flag</span>")
                .contains("<a href=\"/callbacks/0f6a\">M. L. …0134</a>")
                .contains("<span class=\"due overdue\">Wed 09:30</span> <span class=\"visually-hidden\">(overdue)</span>");
    }

    @Test
    void thePracticeIsNamedOnlyOnTheAllPracticesBoard() {
        var lines = List.of(line("A. B.", "FRONT_DESK", false, ""), line("C. D.", "FRONT_DESK", false, ""));

        assertThat(BoardRowsHtml.render(lines, true, LABELS)).containsOnlyOnce("<tr>\n<td><span class=\"badge u-emergency\">Emergency</span></td>\n<td><a href=\"/callbacks/0f6a\">A. B.</a> <span class=\"practice\">Lakeside</span>");
        assertThat(BoardRowsHtml.render(lines, false, LABELS)).doesNotContain("class=\"practice\"");
        assertThat(BoardRowsHtml.render(List.of(), true, LABELS)).isEmpty();
    }

    @Test
    void cellsAreEscapedAsSpringsHtmlEscapeWouldInUtf8() {
        for (String text : List.of("", "plain", "&", "<>\"'&", "a<b>c&d\"e'f", "Müller – Café ☎ 😀 <ß>", "&amp; already", "x'")) {
            assertThat(BoardRowsHtml.escaped(new StringBuilder("<td>"), text).toString())
                    .as(text).isEqualTo("<td>" + HtmlUtils.htmlEscape(text, "UTF-8"));
        }
    }

    private static BoardLine line(String patient, String owner, boolean redFlag, String rowClass) {
        return new BoardLine("/callbacks/0f6a", rowClass, "badge u-emergency", "Emergency", redFlag, patient, "Lakeside",
                "Clinical concern", owner, "2h 5m", "Wed 09:30", "due overdue", "(overdue)", "1 of 3 · No answer", "In progress",
                "Call", "Wed 10:00");
    }
}
