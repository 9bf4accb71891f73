package org.ringback.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ringback.database.DatabaseOutage;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 when the database is down before a request reaches the controllers: the HTTP session lives in
 * PostgreSQL, so loading it fails in a filter, where {@link ApiErrors} cannot answer and the container would
 * show its own 500 page. Same words as ApiErrors: problem+json for API clients, a plain page for people.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Ringback: try again in a moment</title></head>
            <body><h1>Ringback is unavailable for a moment</h1><p>%s.</p></body></html>
            """.formatted(DatabaseOutage.MESSAGE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseOutage.causedBy(failure) || response.isCommitted()) {
                throw failure;
            }
            answer(request, response);
        }
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        response.setCharacterEncoding("UTF-8");
        if (ApiErrors.isApiRequest(request)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("""
                    {"type":"about:blank","title":"Service Unavailable","status":503,"detail":"%s"}""".formatted(DatabaseOutage.MESSAGE));
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(PAGE);
        }
    }
}
