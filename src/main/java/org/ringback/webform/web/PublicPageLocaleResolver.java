package org.ringback.webform.web;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.ringback.webform.WebForms;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The app's locale resolver. Staff pages keep Spring Boot's default (the browser's Accept-Language, as is);
 * public pages under {@code /p/} speak English or Spanish: the language link's {@code lang} parameter
 * first (also posted with the form), else the first of the two the browser accepts, else English.
 * No cookie or session: the language travels in the link, so any app instance answers alike.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
class PublicPageLocaleResolver extends AcceptHeaderLocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/p/")) {
            return super.resolveLocale(request);
        }
        String lang = request.getParameter("lang");
        if (lang != null && WebForms.LANGUAGES.contains(lang)) {
            return Locale.forLanguageTag(lang);
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale accepted : Collections.list(request.getLocales())) {
                if (WebForms.LANGUAGES.contains(accepted.getLanguage())) {
                    return Locale.forLanguageTag(accepted.getLanguage());
                }
            }
        }
        return Locale.ENGLISH;
    }
}
