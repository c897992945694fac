package ru.otklik.content.style;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The style lexicon: a YAML list of entries (see {@code src/main/resources/style/lexicon.yml} for the
 * format). Immutable once loaded; an invalid file fails with a {@link LexiconException} naming the file and
 * the entry (its id, or its position when the id is missing).
 */
public final class Lexicon {

    /** The lexicon shipped with the app. */
    public static final String DEFAULT_RESOURCE = "style/lexicon.yml";

    private static final String CLASSPATH_PREFIX = "classpath:";
    private static final Set<String> FIELDS =
            Set.of("id", "category", "kind", "scope", "markers", "explanation", "suggestions");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /** Letters/digits before or after a match would mean the marker is only part of a word. */
    private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";

    private final String source;
    private final List<LexiconEntry> entries;

    private Lexicon(String source, List<LexiconEntry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    /** The lexicon shipped with the app ({@value #DEFAULT_RESOURCE}). */
    public static Lexicon fromClasspath() {
        return fromClasspath(DEFAULT_RESOURCE);
    }

    public static Lexicon fromClasspath(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        String source = CLASSPATH_PREFIX + name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : Lexicon.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new LexiconException("Style lexicon " + source + " not found");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new LexiconException("Style lexicon " + source + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static Lexicon fromFile(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new LexiconException("Style lexicon " + file + " not found", e);
        } catch (IOException e) {
            throw new LexiconException("Style lexicon " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code classpath:style/lexicon.yml} or a file path (optionally {@code file:}-prefixed). */
    public static Lexicon load(String location) {
        if (location == null || location.isBlank()) {
            return fromClasspath();
        }
        String trimmed = location.trim();
        if (trimmed.startsWith(CLASSPATH_PREFIX)) {
            return fromClasspath(trimmed.substring(CLASSPATH_PREFIX.length()));
        }
        return fromFile(Path.of(trimmed.startsWith("file:") ? trimmed.substring("file:".length()) : trimmed));
    }

    /** Parses and validates YAML text; {@code source} names it in error messages. */
    public static Lexicon parse(String yaml, String source) {
        JsonNode root;
        try {
            YAMLMapper mapper = new YAMLMapper();
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new LexiconException("Style lexicon " + source + " is not valid YAML: " + e.getOriginalMessage()
                    + location(e), e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new LexiconException("Style lexicon " + source + " must be a non-empty YAML list of entries");
        }
        List<LexiconEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            LexiconEntry entry = entry(root.get(i), new Where(source, i + 1, root.get(i)));
            if (!ids.add(entry.id())) {
                throw new LexiconException("Style lexicon " + source + ", entry #" + (i + 1) + " (id '" + entry.id()
                        + "'): duplicate id");
            }
            entries.add(entry);
        }
        return new Lexicon(source, entries);
    }

    public String source() {
        return source;
    }

    /** The entries in file order; on overlapping matches of equal length the earlier entry wins. */
    public List<LexiconEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public int markerCount() {
        return entries.stream().mapToInt(e -> e.markers().size()).sum();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    /** Names an entry in messages: its id if present, its position and first marker otherwise. */
    private record Where(String source, int position, JsonNode node) {

        LexiconException error(String problem) {
            return new LexiconException("Style lexicon " + source + ", " + describe() + ": " + problem);
        }

        private String describe() {
            JsonNode id = node == null ? null : node.get("id");
            if (id != null && id.isTextual() && !id.asText().isBlank()) {
                return "entry #" + position + " (id '" + id.asText() + "')";
            }
            JsonNode markers = node == null ? null : node.get("markers");
            if (markers != null && markers.isArray() && !markers.isEmpty() && markers.get(0).isTextual()) {
                return "entry #" + position + " (no id; first marker \"" + markers.get(0).asText() + "\")";
            }
            return "entry #" + position + " (no id)";
        }
    }

    private static LexiconEntry entry(JsonNode node, Where where) {
        if (node == null || !node.isObject()) {
            throw where.error("must be a mapping with fields " + String.join(", ", FIELDS.stream().sorted().toList()));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw where.error("unknown field '" + name + "' (allowed: id, category, kind, scope, markers, "
                        + "explanation, suggestions)");
            }
        }
        String id = text(node, "id", where);
        if (!ID.matcher(id).matches()) {
            throw where.error("id must be lower-case latin letters, digits and single hyphens");
        }
        String categoryName = text(node, "category", where);
        StyleCategory category = StyleCategory.fromLexiconName(categoryName).orElseThrow(() -> where.error(
                "unknown category '" + categoryName + "' (allowed: " + StyleCategory.lexiconNames() + ")"));
        LexiconEntry.Kind kind = switch (text(node, "kind", where)) {
            case "words" -> LexiconEntry.Kind.WORDS;
            case "regex" -> LexiconEntry.Kind.REGEX;
            default -> throw where.error("unknown kind '" + node.get("kind").asText() + "' (allowed: words, regex)");
        };
        LexiconEntry.Scope scope = LexiconEntry.Scope.ANYWHERE;
        if (node.has("scope")) {
            scope = switch (text(node, "scope", where)) {
                case "anywhere" -> LexiconEntry.Scope.ANYWHERE;
                case "opening" -> LexiconEntry.Scope.OPENING;
                default -> throw where.error("unknown scope '" + node.get("scope").asText()
                        + "' (allowed: anywhere, opening)");
            };
        }
        List<String> markers = texts(node, "markers", where, true);
        String explanation = text(node, "explanation", where);
        List<String> suggestions = node.has("suggestions") ? texts(node, "suggestions", where, false) : List.of();
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            String marker = markers.get(i);
            String regex = kind == LexiconEntry.Kind.WORDS ? wordsToRegex(marker, i + 1, where) : marker;
            Pattern bare;
            try {
                bare = Pattern.compile(StyleText.normalize(regex), StyleText.FLAGS);
            } catch (PatternSyntaxException e) {
                throw where.error("invalid regex in marker #" + (i + 1) + " \"" + marker + "\": "
                        + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            }
            if (bare.matcher("").matches()) {
                throw where.error("marker #" + (i + 1) + " \"" + marker + "\" matches the empty text");
            }
            patterns.add(Pattern.compile(BEFORE + "(?:" + bare.pattern() + ")" + AFTER, StyleText.FLAGS));
        }
        return new LexiconEntry(id, category, kind, scope, markers, explanation, suggestions, patterns);
    }

    private static String text(JsonNode node, String field, Where where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw where.error("missing required field '" + field + "'");
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw where.error("field '" + field + "' must be a non-empty text");
        }
        return value.asText().trim();
    }

    private static List<String> texts(JsonNode node, String field, Where where, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw where.error("missing required field '" + field + "'");
            }
            return List.of();
        }
        if (!value.isArray() || (required && value.isEmpty())) {
            throw where.error("field '" + field + "' must be a " + (required ? "non-empty " : "") + "list of texts");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                throw where.error("item #" + (i + 1) + " of '" + field + "' must be a non-empty text");
            }
            result.add(item.asText().trim());
        }
        return result;
    }

    /**
     * Translates a {@code words} marker to a regex: whitespace → {@code \s+}, a comma → optional comma,
     * {@code {a|b}} → {@code (?:a|b)}, everything else literal.
     */
    private static String wordsToRegex(String marker, int number, Where where) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        String text = marker.trim().replaceAll("\\s+", " ").replaceAll(" ?, ?", ",");
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '\'' || c == '’') {
                literal.append(c);
                i++;
                continue;
            }
            flush(literal, regex);
            if (c == ' ') {
                regex.append("\\s+");
                i++;
            } else if (c == ',') {
                regex.append("(?:\\s*,\\s*|\\s+)");
                i++;
            } else if (c == '{') {
                int close = text.indexOf('}', i);
                if (close < 0 || text.substring(i + 1, close).indexOf('{') >= 0) {
                    throw where.error("marker #" + number + " \"" + marker + "\": unbalanced '{' (write endings "
                            + "as {а|ы|ой})");
                }
                List<String> alternatives = new ArrayList<>();
                for (String alternative : text.substring(i + 1, close).split("\\|", -1)) {
                    if (!alternative.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '-')) {
                        throw where.error("marker #" + number + " \"" + marker + "\": only letters in {…|…} groups");
                    }
                    alternatives.add(Pattern.quote(alternative));
                }
                // longest alternative first, so "{ой|ого}" prefers "ого"
                alternatives.sort((a, b) -> b.length() - a.length());
                regex.append("(?:").append(String.join("|", alternatives)).append(")");
                i = close + 1;
            } else {
                throw where.error("marker #" + number + " \"" + marker + "\": character '" + c + "' is not allowed "
                        + "in kind words (letters, digits, hyphens, spaces, commas and {a|b} groups); use kind regex");
            }
        }
        flush(literal, regex);
        return regex.toString();
    }

    private static void flush(StringBuilder literal, StringBuilder regex) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString().toLowerCase(Locale.ROOT)));
            literal.setLength(0);
        }
    }
}
