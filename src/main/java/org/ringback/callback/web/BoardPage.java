package org.ringback.callback.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.ringback.callback.Board;
import org.ringback.callback.BoardQuery;
import org.ringback.identity.Identity;
import org.ringback.practice.Category;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The queue: one row per open item, most urgent first, filters in the URL. An htmx refresh asks the same URL
 * and gets only the rows, so filters and scroll position stay as they are.
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
                        @RequestParam(required = false) String waiting,
                        @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request, Model model) {
        model.addAttribute("refreshUrl", refreshUrl(request));
        Set<UUID> ids = practices.visibleToCaller().stream().map(Practice::id).collect(Collectors.toSet());
        return render(ids, null, List.of(), new BoardQuery(mine, text(queue), text(category), overdue, text(waiting)), htmx, model);
    }

    @GetMapping("/practices/{practiceId}/board")
    String practice(@PathVariable UUID practiceId, @RequestParam(defaultValue = "false") boolean mine,
                    @RequestParam(required = false) String queue, @RequestParam(required = false) String category,
                    @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String waiting,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request, Model model) {
        model.addAttribute("refreshUrl", refreshUrl(request));
        Practice practice = practices.get(practiceId);
        return render(Set.of(practiceId), practice, practices.categories(practiceId),
                new BoardQuery(mine, text(queue), text(category), overdue, text(waiting)), htmx, model);
    }

    private String render(Set<UUID> practiceIds, Practice practice, List<Category> categories, BoardQuery query,
                          String htmx, Model model) {
        var writer = new BoardLine.Writer(board.now(), messages, LocaleContextHolder.getLocale());
        Board.Rows found = board.rows(practiceIds, query);
        List<BoardLine> rows = found.shown().stream().map(writer::write).toList();
        var labels = new BoardRowsHtml.Labels(message("board.redFlag"), message("board.redFlagShort"));
        model.addAttribute("rows", rows);
        model.addAttribute("rowsHtml", BoardRowsHtml.render(rows, practice == null, labels));
        model.addAttribute("query", query);
        model.addAttribute("practice", practice);
        model.addAttribute("categories", categories);
        model.addAttribute("queues", categories.stream().map(Category::queue).collect(Collectors.toCollection(TreeSet::new)));
        model.addAttribute("limited", found.truncated());
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

    /** The page's own URL with its filters: the refresh asks for exactly what is on screen. */
    private static String refreshUrl(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private static Optional<String> text(String value) {
        return StaffPages.text(value);
    }
}
