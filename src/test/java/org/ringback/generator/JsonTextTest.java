package org.ringback.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class JsonTextTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void writesWhatTheMapperReadsBackAsTheSameMap() {
        var map = new LinkedHashMap<String, String>();
        map.put("reason", "Said \"call me\" \\ then\nhung up\t\u0001 — mamá");
        map.put("attempt", "2 of 3");
        map.put("empty", "");

        String text = JsonText.object(map);

        assertThat(mapper.readValue(text, Map.class)).isEqualTo(map);
        assertThat(text).isEqualTo(mapper.writeValueAsString(map));
    }

    @Test
    void writesAnEmptyObject() {
        assertThat(JsonText.object(Map.of())).isEqualTo("{}");
    }
}
