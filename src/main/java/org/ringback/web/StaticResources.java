package org.ringback.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files under exactly three prefixes, instead of Spring Boot's default {@code /**}. With {@code /**},
 * every link a page builds ({@code @{/practices/...}}) is first looked for as a static file on the class path,
 * which inside the packaged jar costs more than the page's queries (BENCHMARKS.md). Boot's own mappings are off
 * ({@code spring.web.resources.add-mappings=false}).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        // Version-less webjar paths (/webjars/htmx.org/dist/htmx.min.js) resolved to the jar on the class path.
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
