package org.ringback.webform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Public pages speak English or Spanish; every other page keeps the browser's Accept-Language, as before. */
class PublicPageLocaleResolverTest {

    private final PublicPageLocaleResolver resolver = new PublicPageLocaleResolver();

    private static MockHttpServletRequest request(String uri, String acceptLanguage) {
        var request = new MockHttpServletRequest("GET", uri);
        if (acceptLanguage != null) {
            // The mock request reads its preferred locales from this header, as a servlet container does.
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return request;
    }

    @Test
    void staffPagesKeepTheBrowsersLanguageWhateverItIs() {
        assertThat(resolver.resolveLocale(request("/practices/1/board", "fr-FR,fr;q=0.9"))).isEqualTo(Locale.forLanguageTag("fr-FR"));
        assertThat(resolver.resolveLocale(request("/practices/1/callbacks/new", "es-MX"))).isEqualTo(Locale.forLanguageTag("es-MX"));
        var withLang = request("/practices/1/board", "en-US");
        withLang.setParameter("lang", "es");
        assertThat(resolver.resolveLocale(withLang)).as("the lang link is for public pages only").isEqualTo(Locale.US);
    }

    @Test
    void publicPagesFollowTheLanguageLinkThenTheBrowserThenEnglish() {
        var link = request("/p/lakeside/callback", "en-US");
        link.setParameter("lang", "es");
        assertThat(resolver.resolveLocale(link)).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(resolver.resolveLocale(request("/p/lakeside/callback", "fr-FR,es;q=0.8,en;q=0.5"))).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(resolver.resolveLocale(request("/p/lakeside/callback", "fr-FR"))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(request("/p/lakeside/callback", null))).isEqualTo(Locale.ENGLISH);
        var unknown = request("/p/lakeside/callback", "es");
        unknown.setParameter("lang", "de");
        assertThat(resolver.resolveLocale(unknown)).as("an unknown lang falls back to the browser").isEqualTo(Locale.forLanguageTag("es"));
    }
}
