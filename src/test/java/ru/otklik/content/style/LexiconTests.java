package ru.otklik.content.style;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ACC-11: the style lexicon is a data file anyone can extend")
class LexiconTests {

    private static final String ENTRY = """
            - id: kurator
              category: bureaucratese
              kind: words
              markers:
                - "курирующ{ий|его|ему|им|ем|ая|ей|ую} отдел{|а|у|ом|е}"
              explanation: "внутренний жаргон: человек не знает, кто кого курирует."
              suggestions:
                - "назовите отдел: «отдел опеки»"
            """;

    @Test
    @DisplayName("ACC-11: an entry added to a copy of the lexicon in a file is picked up, with the shipped entries")
    void entryAddedToFileIsPickedUp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lexicon.yml");
        String shipped = new String(getClass().getClassLoader().getResourceAsStream(Lexicon.DEFAULT_RESOURCE)
                .readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(file, shipped + "\n" + ENTRY, StandardCharsets.UTF_8);

        StyleChecker checker = StyleChecker.fromFile(file);
        String text = "Вопрос передан в курирующий отдел, данный срок — неделя.";
        StyleReport report = checker.check(text);

        assertThat(report.warnings()).extracting(StyleWarning::rule, StyleWarning::marker).containsExactly(
                org.assertj.core.groups.Tuple.tuple("kurator", "курирующий отдел"),
                org.assertj.core.groups.Tuple.tuple("dannyi", "данный"));
        StyleWarning added = report.warnings().get(0);
        assertThat(text.substring(added.start(), added.end())).isEqualTo("курирующий отдел");
        assertThat(added.message()).isEqualTo("«курирующий отдел» — внутренний жаргон: человек не знает, кто кого курирует.");
        assertThat(checker.lexicon().size()).isEqualTo(StyleChecker.fromClasspath().lexicon().size() + 1);
        assertThat(StyleChecker.fromClasspath().check(text).warnings()).extracting(StyleWarning::rule)
                .containsExactly("dannyi");
    }

    @Test
    @DisplayName("ACC-11: the Spring bean 'styleChecker' reads the lexicon named by otklik.style.lexicon")
    void springBeanWithConfiguredLexicon(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("own.yml");
        Files.writeString(file, ENTRY, StandardCharsets.UTF_8);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("test", Map.of("otklik.style.lexicon", file.toString())));
            context.register(StyleChecker.class);
            context.refresh();
            StyleChecker checker = context.getBean("styleChecker", StyleChecker.class);
            assertThat(checker.lexicon().size()).isEqualTo(1);
            assertThat(checker.check("Спросите у курирующего отдела.").warnings()).extracting(StyleWarning::rule)
                    .containsExactly("kurator");
        }
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(StyleChecker.class)) {
            StyleChecker checker = context.getBean("styleChecker", StyleChecker.class);
            assertThat(checker.lexicon().source()).isEqualTo("classpath:style/lexicon.yml");
            assertThat(checker.needsWork("Данный вопрос является важным.")).isTrue();
        }
    }

    @Test
    @DisplayName("ACC-11: an invalid regex fails with a message naming the entry and the marker")
    void invalidRegex() {
        String yaml = ENTRY + """
                - id: broken-regex
                  category: passive
                  kind: regex
                  markers:
                    - 'провод(?:ится'
                  explanation: "тест"
                """;
        assertThatThrownBy(() -> Lexicon.parse(yaml, "test.yml"))
                .isInstanceOf(LexiconException.class)
                .hasMessage("Style lexicon test.yml, entry #2 (id 'broken-regex'): invalid regex in marker #1 \"провод(?:ится\": "
                        + "Unclosed group near index 13");
    }

    @Test
    @DisplayName("ACC-11: an entry without id fails with a message naming its position and first marker")
    void missingId() {
        String yaml = ENTRY + """
                - category: bureaucratese
                  kind: words
                  markers: ["в целях"]
                  explanation: "тест"
                """;
        assertThatThrownBy(() -> Lexicon.parse(yaml, "test.yml"))
                .isInstanceOf(LexiconException.class)
                .hasMessage("Style lexicon test.yml, entry #2 (no id; first marker \"в целях\"): missing required field 'id'");
    }

    @Test
    @DisplayName("ACC-11: other mistakes in an entry name the entry and the problem")
    void otherMistakes() {
        assertInvalid(ENTRY + ENTRY, "entry #2 (id 'kurator'): duplicate id");
        assertInvalid(ENTRY.replace("bureaucratese", "jargon"),
                "entry #1 (id 'kurator'): unknown category 'jargon' (allowed: bureaucratese, passive, press-release)");
        assertInvalid(ENTRY.replace("kind: words", "kind: word"), "entry #1 (id 'kurator'): unknown kind 'word'");
        assertInvalid(ENTRY.replace("suggestions:", "sugestions:"), "entry #1 (id 'kurator'): unknown field 'sugestions'");
        assertInvalid(ENTRY.replace("  explanation: \"внутренний жаргон: человек не знает, кто кого курирует.\"\n", ""),
                "entry #1 (id 'kurator'): missing required field 'explanation'");
        assertInvalid(ENTRY.replace("{ий|его", "{ий(его"), "entry #1 (id 'kurator'): marker #1");
        assertInvalid(ENTRY.replace("курирующ{ий|его|ему|им|ем|ая|ей|ую} отдел{|а|у|ом|е}", "курирующ(ий|его)"),
                "character '(' is not allowed in kind words");
        assertInvalid(ENTRY.replace("курирующ{ий|его|ему|им|ем|ая|ей|ую} отдел{|а|у|ом|е}", "курирующ{ий"),
                "unbalanced '{'");
        assertInvalid(ENTRY.replace("kind: words", "kind: regex").replace("курирующ{ий|его|ему|им|ем|ая|ей|ую} отдел{|а|у|ом|е}", "(?:а)?"),
                "marker #1 \"(?:а)?\" matches the empty text");
        assertInvalid(ENTRY.replace("id: kurator", "id: Kurator_1"), "id must be lower-case latin letters");
        assertInvalid(ENTRY.replace("kind: words", "kind: words\n  scope: start"), "unknown scope 'start'");
        assertInvalid("id: kurator\n", "must be a non-empty YAML list of entries");
        assertInvalid("- id: [unclosed\n", "is not valid YAML");
    }

    @Test
    @DisplayName("ACC-11: a missing lexicon file is named in the error")
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("nope.yml");
        assertThatThrownBy(() -> StyleChecker.fromFile(file)).isInstanceOf(LexiconException.class)
                .hasMessage("Style lexicon " + file + " not found");
        assertThatThrownBy(() -> Lexicon.load("classpath:style/nope.yml")).isInstanceOf(LexiconException.class)
                .hasMessage("Style lexicon classpath:style/nope.yml not found");
    }

    private static void assertInvalid(String yaml, String expected) {
        assertThatThrownBy(() -> Lexicon.parse(yaml, "test.yml"))
                .isInstanceOf(LexiconException.class)
                .hasMessageContaining(expected)
                .hasMessageStartingWith("Style lexicon test.yml");
    }
}
