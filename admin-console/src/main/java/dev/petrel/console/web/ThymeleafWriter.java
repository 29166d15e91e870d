package dev.petrel.console.web;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link View} as {@code text/html; charset=UTF-8} with Thymeleaf. Templates escape
 * every value ({@code th:text}); none uses unescaped output. The template engine caches parsed
 * templates and is thread-safe.
 */
@Provider
@Produces(MediaType.TEXT_HTML)
@Singleton
public class ThymeleafWriter implements MessageBodyWriter<View> {

    private final TemplateEngine engine = new TemplateEngine();

    public ThymeleafWriter() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ThymeleafWriter.class.getClassLoader());
        resolver.setPrefix("dev/petrel/console/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return View.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(View view, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) {
        headers.putSingle("Content-Type", "text/html; charset=UTF-8");
        Context context = new Context(Locale.ROOT, view.model());
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            engine.process(view.template(), context, writer);
            writer.flush();
        } catch (java.io.IOException e) {
            throw new WebApplicationException("could not write page '" + view.template() + "'", e);
        }
    }
}
