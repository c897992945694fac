package ru.otklik.notification;

import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a notification as mail from {@code templates/mail/<kind>.html} (HTML; its {@code <title>} is the
 * subject) and {@code templates/mail/<kind>.txt} (the plain-text alternative), where {@code <kind>} is the
 * {@link NotificationKind} in lower case with hyphens ({@code deadline-warning}). Every value from the
 * notification is inserted with {@code th:text} (escaped) in HTML.
 */
public class MailTemplates {

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** A rendered mail. */
    public record Rendered(String subject, String html, String text) {
    }

    private final TemplateEngine engine;
    private final String baseUrl;

    public MailTemplates(String baseUrl) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("", TemplateMode.TEXT, 2));
        this.engine = engine;
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The template name of a kind: {@code DEADLINE_WARNING} → {@code deadline-warning}. */
    public static String templateName(NotificationKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Rendered render(Notification n) {
        Context context = new Context(RUSSIAN);
        context.setVariable("n", n);
        context.setVariable("kindTitle", n.kind().title());
        context.setVariable("taskLink", n.taskId() == null ? null
                : baseUrl + "/camunda/app/tasklist/default/#/?task=" + n.taskId());
        context.setVariable("tasklistLink", baseUrl + "/camunda/app/tasklist/");
        String name = templateName(n.kind());
        // Suffixes tell the resolvers apart: the HTML resolver is asked first, so the text one is named in full.
        String html = engine.process(name, context);
        String text = engine.process(name + ".txt", context).strip();
        Matcher title = TITLE.matcher(html);
        String subject = title.find() ? HtmlUtils.htmlUnescape(title.group(1)).replaceAll("\\s+", " ").strip()
                : "Отклик: " + n.kind().title();
        return new Rendered(subject, html, text);
    }
}
