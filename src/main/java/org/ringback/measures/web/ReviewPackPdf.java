package org.ringback.measures.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.ringback.measures.PeriodMeasures;
import org.ringback.measures.WeeklyReport;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The review pack as a PDF for the meeting table: the headline numbers against the week before and the baseline,
 * then the tables of the page. Text only (the charts stay on the page), in the standard Helvetica, so any reader opens it.
 */
@Component
class ReviewPackPdf {

    private static final float MARGIN = 50;
    private static final float LINE = 15;

    private final MessageSource messages;

    ReviewPackPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(WeeklyReport report) {
        try (var writer = new Writer()) {
            PeriodMeasures week = report.week();
            writer.text(msg("review.pdf.title", report.practiceName(), week.period()), 16, true);
            writer.text(msg("review.pdf.sub", week.from(), week.to(), report.timeZone(), week.asOf()), 9, false);
            writer.gap();
            writer.row(true, msg("review.measure"), week.period(), report.previousWeek().period(),
                    report.baseline().map(PeriodMeasures::period).orElse(""));
            for (Headlines.Headline h : Headlines.of(report)) {
                writer.row(false, msg(h.key()), h.week(), h.previousWeek(), h.baseline());
            }
            table(writer, msg("review.byCategory"), List.of(msg("review.col.category"), msg("review.col.volume"),
                    msg("review.col.onTime"), msg("review.col.median")), week.breakdowns().get("category").stream()
                    .map(s -> List.of(s.key(), Integer.toString(s.volume()), Headlines.percent(s.onTime()),
                            Headlines.minutes(s.firstAttempt().medianMinutes()))).toList());
            table(writer, msg("review.promises"), List.of(msg("review.col.category"), msg("review.col.counted"),
                    msg("review.col.missed"), msg("review.col.missedShare")), week.promisesHardToKeep().stream()
                    .map(p -> List.of(p.category(), Integer.toString(p.counted()), Integer.toString(p.missed()),
                            Headlines.percent(p.missedShare()))).toList());
            table(writer, msg("review.secondCalls"), List.of(msg("review.col.category"), msg("review.col.secondCallItems"),
                    msg("review.col.attached"), msg("review.col.rate")), week.secondCallsByCategory().stream()
                    .map(r -> List.of(r.category(), Integer.toString(r.secondCallItems()), Integer.toString(r.attachedCalls()),
                            Headlines.percent(r.rate()))).toList());
            table(writer, msg("review.reachByWindow"), List.of(msg("review.col.window"), msg("review.col.attempts"),
                    msg("review.col.reach")), week.reachByWindow().entrySet().stream()
                    .map(e -> List.of(e.getKey(), Integer.toString(e.getValue().of()), Headlines.percent(e.getValue()))).toList());
            table(writer, msg("review.backlog"), List.of(msg("review.col.age"), msg("review.col.items")),
                    week.backlogByAge().entrySet().stream()
                            .map(e -> List.of(msg("review.age." + e.getKey().name()), Integer.toString(e.getValue()))).toList());
            table(writer, msg("review.waiting"), List.of(msg("review.col.reason"), msg("review.col.items")),
                    week.waitingReasons().entrySet().stream().map(e -> List.of(e.getKey(), Integer.toString(e.getValue()))).toList());
            PeriodMeasures.Escalations esc = week.escalations();
            writer.gap();
            writer.text(msg("review.escalationsLine", esc.total(), esc.toLevel1(), esc.toLevel2(), esc.clinicalItems(),
                    esc.clinicalRoutedToClinical()), 10, false);
            return writer.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(Writer writer, String title, List<String> header, List<List<String>> rows) throws IOException {
        writer.gap();
        writer.text(title, 12, true);
        writer.row(true, header.toArray(String[]::new));
        if (rows.isEmpty()) {
            writer.row(false, Headlines.NO_DATA);
        }
        for (List<String> row : rows) {
            writer.row(false, row.toArray(String[]::new));
        }
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }

    /** Lines of text down the page, a new page when one is full. */
    private static final class Writer implements AutoCloseable {
        private static final float[] COLUMNS = {0, 230, 320, 410};
        private final PDDocument document = new PDDocument();
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream content;
        private float y;

        Writer() throws IOException {
            newPage();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            var page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void gap() {
            y -= LINE / 2;
        }

        void text(String text, float size, boolean strong) throws IOException {
            room(size + 4);
            show(text, MARGIN, size, strong);
            y -= size + 4;
        }

        void row(boolean strong, String... cells) throws IOException {
            room(LINE);
            for (int i = 0; i < cells.length && i < COLUMNS.length; i++) {
                show(cells[i], MARGIN + COLUMNS[i], 10, strong);
            }
            y -= LINE;
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                newPage();
            }
        }

        private void show(String text, float x, float size, boolean strong) throws IOException {
            PDType1Font font = strong ? bold : regular;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(encodable(font, text));
            content.endText();
        }

        /** Helvetica speaks WinAnsi only: a character it cannot show (a name in another script) becomes '?'. */
        private static String encodable(PDType1Font font, String text) {
            var out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        byte[] bytes() throws IOException {
            content.close();
            content = null;
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }

        @Override
        public void close() throws IOException {
            if (content != null) {
                content.close();
            }
            document.close();
        }
    }
}
