package dev.petrel.console.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The API's JSON: instants as ISO-8601 strings, durations as milliseconds, unknown request fields
 * rejected (a typo gets a 400 rather than being ignored).
 */
@Provider
public class JsonConfig implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("petrel-time")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeString(value.toString());
                        }
                    })
                    .addSerializer(Duration.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Duration value, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeNumber(value.toMillis());
                        }
                    }));

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
