package org.ringback.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBytes  the largest request body accepted; larger ones get 413
 * @param largeUploadPaths path patterns whose POSTs may be larger (file uploads, limited by the multipart settings)
 */
@ConfigurationProperties("ringback.web")
record WebProperties(@DefaultValue("1MB") DataSize maxRequestBytes, @DefaultValue List<String> largeUploadPaths) {
}
