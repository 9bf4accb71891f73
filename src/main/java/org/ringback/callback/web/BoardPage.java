package org.ringback.callback.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.ringback.callback.Board;
import org.ringback.callback.BoardCursor;
import org.ringback.callback.BoardQuery;
import org.ringback.identity.Identity;
import org.ringback.practice.Category;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The queue: one row per open item, most urgent first, filters in the URL. The page shows the first
 * {@link Board#PAGE} rows and the count of all; "Show more" is a link to the next rows after the board's cursor
 * ({@code after}), which board.js appends in place. An htmx refresh asks the same URL for as many rows as are on
 * screen ({@code size}) and gets only the table, so filters, shown rows and scroll position stay as they are.
 */
@Controller
@StaffPage
class BoardPage {

    private final Board board;
    private final org.ringback.callback.StaffNotifications notifications;
    private final PracticeDirectory practices;
    private final Identity identity;
    private final MessageSource messages;

    BoardPage(Board board, PracticeDirectory practices, Identity identity, MessageSource messages,
              org.ringback.callback.StaffNotifications notifications) {
        this.notifications = notifications;
        this.board = board;
        this.practices = practices;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/")
    String home() {
        var visible = practices.visibleToCaller();
        return visible.size() == 1 ? "redirect:/practices/" + visible.get(0).id() + "/board" : "redirect:/board";
    }

    @GetMapping("/board")
    String allPractices(@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String queue,
                        @RequestParam(required = false) String category, @RequestParam(defaultValue = "false") boolean overdue,
                        @RequestParam(required = false) String waiting, @RequestParam(required = false) String after,
                        @RequestParam(defaultValue = "" + Board.PAGE) int size,
                        @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request, Model model) {
        Set<UUID> ids = practices.visibleToCaller().stream().map(Practice::id).collect(Collectors.toSet());
        return render(ids, null, List.of(), new BoardQuery(mine, text(queue), text(category), overdue, text(waiting)),
                new Window(BoardCursor.decode(after), size, request), htmx, model);
    }

    @GetMapping("/practices/{practiceId}/board")
    String practice(@PathVariable UUID practiceId, @RequestParam(defaultValue = "false") boolean mine,
                    @RequestParam(required = false) String queue, @RequestParam(required = false) String category,
                    @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String waiting,
                    @RequestParam(required = false) String after, @RequestParam(defaultValue = "" + Board.PAGE) int size,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request, Model model) {
        Practice practice = practices.get(practiceId);
        return render(Set.of(practiceId), practice, practices.categories(practiceId),
                new BoardQuery(mine, text(queue), text(category), overdue, text(waiting)),
                new Window(BoardCursor.decode(after), size, request), htmx, model);
    }

    /** Which rows of the board a request asks for: those after the cursor (or the first), {@code size} of them. */
    private record Window(Optional<BoardCursor> after, int size, HttpServletRequest request) {

        /** This page's URL with its filters, starting after the given cursor, at the first page's size. */
        String startingAfter(BoardCursor cursor) {
            return filtered().queryParam("after", cursor.encode()).build().encode().toUriString();
        }

        /** The page's own URL with its filters and cursor: the refresh asks for what is on screen (board.js adds the size). */
        String refresh() {
            var url = filtered();
            after.ifPresent(cursor -> url.queryParam("after", cursor.encode()));
            return url.build().encode().toUriString();
        }

        /** The first page with the same filters. */
        String first() {
            return filtered().build().encode().toUriString();
        }

        private UriComponentsBuilder filtered() {
            var url = UriComponentsBuilder.fromPath(request.getRequestURI());
            request.getParameterMap().forEach((name, values) -> {
                if (!"after".equals(name) && !"size".equals(name)) {
                    url.queryParam(name, (Object[]) values);
                }
            });
            return url;
        }
    }

    private String render(Set<UUID> practiceIds, Practice practice, List<Category> categories, BoardQuery query, Window window,
                          String htmx, Model model) {
        if (window.size() < 1 || window.size() > Board.LIMIT) {
            throw new Refusal.InvalidInput("size", "must be between 1 and " + Board.LIMIT);
        }
        var writer = new BoardLine.Writer(board.now(), messages, LocaleContextHolder.getLocale());
        Board.Rows found = board.rows(practiceIds, query, window.after(), window.size());
        List<BoardLine> rows = found.shown().stream().map(writer::write).toList();
        var labels = new BoardRowsHtml.Labels(message("board.redFlag"), message("board.redFlagShort"));
        model.addAttribute("rows", rows);
        model.addAttribute("rowsHtml", BoardRowsHtml.render(rows, practice == null, labels));
        model.addAttribute("query", query);
        model.addAttribute("practice", practice);
        model.addAttribute("categories", categories);
        model.addAttribute("queues", categories.stream().map(Category::queue).collect(Collectors.toCollection(TreeSet::new)));
        model.addAttribute("refreshUrl", window.refresh());
        model.addAttribute("total", found.total());
        model.addAttribute("moreUrl", found.next().map(window::startingAfter).orElse(null));
        model.addAttribute("firstUrl", window.after().isPresent() ? window.first() : null);
        model.addAttribute("me", identity.current().username());
        if (htmx == null) {
            // The sweeps' notices for this user (escalations, items back in the queue), delivered within open hours.
            model.addAttribute("notices", notifications.deliveredTo(identity.current(), practiceIds, board.now()));
        }
        return htmx != null ? "callback/board :: rows" : "callback/board";
    }

    private String message(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    private static Optional<String> text(String value) {
        return StaffPages.text(value);
    }
}
