package ru.otklik.tasklist;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Russian Tasklist locale and the Tasklist config that enables it. Both live in
 * src/main/resources/META-INF/resources/webjars/camunda/app/tasklist and shadow (config.js) or
 * complement (ru.json) the files of the Camunda webapp webjar on the classpath.
 */
class TasklistLocaleTests {

    private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
    private static final String RU = TASKLIST + "locales/ru.json";
    private static final String EN = TASKLIST + "locales/en.json";
    private static final String CONFIG = TASKLIST + "scripts/config.js";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Test
    @DisplayName("every label of the webjar's en.json has a non-empty Russian text")
    void everyEnglishLabelIsTranslated() throws IOException {
        JsonNode en = json(EN).get("labels");
        JsonNode ru = json(RU).get("labels");
        assertThat(en.size()).as("en labels").isGreaterThan(400);

        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            if (label.getValue().asText().isEmpty()) {
                continue;
            }
            JsonNode text = ru.get(label.getKey());
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                missing.add(label.getKey());
            }
        }
        assertThat(missing).as("en labels without Russian text").isEmpty();
    }

    @Test
    @DisplayName("Russian labels keep the {{placeholders}} of the English ones")
    void placeholdersMatch() throws IOException {
        JsonNode en = json(EN).get("labels");
        JsonNode ru = json(RU).get("labels");

        List<String> mismatches = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            JsonNode text = ru.get(label.getKey());
            if (text == null) {
                continue;
            }
            Set<String> expected = placeholders(label.getValue().asText());
            Set<String> actual = placeholders(text.asText());
            if (!expected.equals(actual)) {
                mismatches.add(label.getKey() + ": en " + expected + ", ru " + actual);
            }
        }
        assertThat(mismatches).as("labels whose placeholders differ").isEmpty();
    }

    @Test
    @DisplayName("every dateLocales entry of en.json is present in ru.json")
    void dateLocalesComplete() throws IOException {
        JsonNode en = json(EN).get("dateLocales");
        JsonNode ru = json(RU).get("dateLocales");
        assertThat(en).as("en dateLocales").isNotNull();
        assertThat(ru).as("ru dateLocales").isNotNull();

        List<String> problems = new ArrayList<>();
        compareDateLocales("dateLocales", en, ru, problems);
        assertThat(problems).as("dateLocales entries missing or empty in ru").isEmpty();
    }

    @Test
    @DisplayName("ru.json is UTF-8 without BOM and has no keys other than dateLocales and labels")
    void ruFileFormat() throws IOException {
        byte[] bytes = bytes(RU);
        assertThat(bytes.length).isGreaterThan(3);
        assertThat(bytes[0]).as("first byte (a BOM would be EF BB BF)").isEqualTo((byte) '{');
        List<String> topLevel = new ArrayList<>();
        json(RU).fieldNames().forEachRemaining(topLevel::add);
        assertThat(topLevel).containsExactlyInAnyOrder("dateLocales", "labels");
    }

    @Test
    @DisplayName("config.js offers Russian first, falls back to English and shadows the webjar's config.js")
    void configEnablesRussian() throws IOException {
        List<URL> configs = Collections.list(getClass().getClassLoader().getResources(CONFIG));
        assertThat(configs).as("config.js on the classpath").hasSizeGreaterThanOrEqualTo(2);
        assertThat(configs.get(0).toString()).as("the first config.js is ours, not the webjar's")
                .doesNotStartWith("jar:");
        assertThat(configs.subList(1, configs.size())).as("the webjar's config.js comes later")
                .anySatisfy(url -> assertThat(url.toString()).startsWith("jar:").contains("camunda-webapp-webjar"));

        String config = stripComments(new String(bytes(CONFIG), StandardCharsets.UTF_8));
        assertThat(config).contains("export default");

        Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(config);
        assertThat(available.find()).as("availableLocales outside comments").isTrue();
        List<String> locales = Arrays.stream(available.group(1).split(","))
                .map(s -> s.trim().replaceAll("^['\"]|['\"]$", ""))
                .filter(s -> !s.isEmpty())
                .toList();
        assertThat(locales).as("availableLocales").startsWith("ru").contains("en").doesNotHaveDuplicates();

        Matcher fallback = Pattern.compile("fallbackLocale\\s*:\\s*['\"]([^'\"]*)['\"]").matcher(config);
        assertThat(fallback.find()).as("fallbackLocale outside comments").isTrue();
        assertThat(fallback.group(1)).as("fallbackLocale").isEqualTo("en");

        for (String locale : locales) {
            assertThat(getClass().getClassLoader().getResource(TASKLIST + "locales/" + locale + ".json"))
                    .as("locale file for " + locale).isNotNull();
        }
    }

    private void compareDateLocales(String path, JsonNode en, JsonNode ru, List<String> problems) {
        if (ru == null || ru.isNull()) {
            problems.add(path + ": missing");
        } else if (en.isObject()) {
            if (!ru.isObject()) {
                problems.add(path + ": not an object");
                return;
            }
            en.fieldNames().forEachRemaining(name -> compareDateLocales(path + "." + name, en.get(name), ru.get(name), problems));
        } else if (en.isArray()) {
            // moment.js accepts a plain list or {format: [...], standalone: [...]} (genitive and nominative month names)
            if (ru.isArray()) {
                checkList(path, en.size(), ru, problems);
            } else if (ru.isObject() && ru.has("format") && ru.has("standalone")) {
                checkList(path + ".format", en.size(), ru.get("format"), problems);
                checkList(path + ".standalone", en.size(), ru.get("standalone"), problems);
            } else {
                problems.add(path + ": neither a list nor {format, standalone}");
            }
        } else if (ru.asText().isBlank()) {
            problems.add(path + ": empty");
        }
    }

    private static void checkList(String path, int size, JsonNode list, List<String> problems) {
        if (!list.isArray() || list.size() != size) {
            problems.add(path + ": expected a list of " + size);
            return;
        }
        for (int i = 0; i < size; i++) {
            if (list.get(i).asText().isBlank()) {
                problems.add(path + "[" + i + "]: empty");
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Removes block and line comments; the original config.js has a commented-out locales example. */
    private static String stripComments(String js) {
        return js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    private JsonNode json(String resource) throws IOException {
        String text = new String(bytes(resource), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the webjar's en.json starts with a UTF-8 BOM
        }
        return mapper.readTree(text);
    }

    private byte[] bytes(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return in.readAllBytes();
        }
    }
}
