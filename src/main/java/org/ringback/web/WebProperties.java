package org.ringback.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxRequestBytes the largest request body accepted; larger ones get 413 */
@ConfigurationProperties("ringback.web")
record WebProperties(@DefaultValue("1MB") DataSize maxRequestBytes) {
}
