package ru.otklik.integration.monitoring;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import ru.otklik.web.InvalidFieldException;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * Reads an export of a monitoring system row by row, never the whole file: UTF-8 with or without BOM,
 * {@code ,} or {@code ;} as separator (whichever the header line uses), RFC 4180 quoting (a quoted cell may
 * span lines). The header names the columns in English ({@link Column#name}) or as the Russian exports do
 * ({@link Column#russian}), in any order and case; unknown columns are refused, so that a misspelt one does
 * not silently lose data.
 */
final class MonitoringCsv implements Closeable {

    /** The columns, with their English and Russian header names. */
    enum Column {
        ORG("org", "Организация"),
        NETWORK("network", "Сеть"),
        EXTERNAL_ID("externalId", "Идентификатор"),
        URL("url", "Ссылка"),
        AUTHOR_NAME("authorName", "Автор"),
        AUTHOR_ID("authorId", "Id автора"),
        TEXT("text", "Текст"),
        POSTED_AT("postedAt", "Дата"),
        DETECTED_AT("detectedAt", "Обнаружено"),
        TOPIC("topic", "Тема"),
        LOCATION("location", "Место");

        final String name;
        final String russian;

        Column(String name, String russian) {
            this.name = name;
            this.russian = russian;
        }

        static Column of(String header) {
            String name = header.trim();
            for (Column column : values()) {
                if (column.name.equalsIgnoreCase(name) || column.russian.equalsIgnoreCase(name)) {
                    return column;
                }
            }
            return null;
        }

        static String allNames() {
            return List.of(values()).stream().map(c -> c.name + " («" + c.russian + "»)")
                    .collect(Collectors.joining(", "));
        }
    }

    /** A data row: its number as a spreadsheet shows it (the header is row 1) and its cells by column. */
    record Row(int number, Map<Column, String> cells) {

        String get(Column column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** The file cannot be read further (bad encoding or quoting): the rows before it count, no later ones. */
    static class UnreadableException extends RuntimeException {

        final int row;

        UnreadableException(int row, String message) {
            super(message);
            this.row = row;
        }
    }

    private final MappingIterator<List<String>> records;
    private final Map<Column, Integer> header;
    private int number = 1;
    private Row next;

    /**
     * Reads the header at once.
     *
     * @throws InvalidFieldException ({@code file}) when the file is empty, not UTF-8 at its start, or its header
     *                               names an unknown or repeated column or lacks {@code text}
     */
    MonitoringCsv(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        String firstLine;
        try {
            reader.mark(1 << 16);
            firstLine = reader.readLine();
            reader.reset();
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException("file", "файл должен быть в кодировке UTF-8 (в Excel: «CSV UTF-8»)");
        } catch (IOException e) {
            // reset() fails when the first line is longer than the mark: no export has such a header.
            throw new InvalidFieldException("file", "строка заголовка не найдена в начале файла");
        }
        if (firstLine == null || firstLine.replace("\uFEFF", "").isBlank()) {
            throw new InvalidFieldException("file", "файл пуст: нужна строка заголовка и строки сообщений");
        }
        if (firstLine.startsWith("\uFEFF")) {
            reader.skip(1);
        }
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        this.records = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator))
                .readValues(reader);
        if (!records.hasNextValue()) {
            throw new InvalidFieldException("file", "файл пуст: нужна строка заголовка и строки сообщений");
        }
        this.header = header(records.nextValue());
    }

    private static Map<Column, Integer> header(List<String> names) {
        Map<Column, Integer> header = new EnumMap<>(Column.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).replace("\uFEFF", "").trim();
            if (name.isEmpty()) {
                continue;
            }
            Column column = Column.of(name);
            if (column == null) {
                throw new InvalidFieldException("file", "неизвестный столбец «" + name + "»; допустимы: "
                        + Column.allNames());
            }
            if (header.putIfAbsent(column, i) != null) {
                throw new InvalidFieldException("file", "столбец «" + column.name + "» указан дважды");
            }
        }
        if (!header.containsKey(Column.TEXT)) {
            throw new InvalidFieldException("file", "в строке заголовка нет столбца text («Текст»)");
        }
        if (!header.containsKey(Column.URL) && !header.containsKey(Column.EXTERNAL_ID)) {
            throw new InvalidFieldException("file", "в строке заголовка нет ни столбца url («Ссылка»), ни externalId:"
                    + " по ним распознаётся повторное сообщение");
        }
        return header;
    }

    /** Skips rows whose cells are all empty. */
    boolean hasNext() {
        while (next == null) {
            List<String> record;
            try {
                if (!records.hasNextValue()) {
                    return false;
                }
                record = records.nextValue();
            } catch (IOException | RuntimeException e) {
                throw new UnreadableException(number + 1, unreadable(e));
            }
            number++;
            if (record.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                continue;
            }
            Map<Column, String> cells = new LinkedHashMap<>();
            header.forEach((column, index) -> cells.put(column, index < record.size() ? record.get(index) : null));
            next = new Row(number, cells);
        }
        return true;
    }

    /** Skips the rows up to and including {@code row}: those a resumed import has done. */
    void skipThrough(int row) {
        while (hasNext() && next.number() <= row) {
            next = null;
        }
    }

    Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }

    private static String unreadable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return "файл не в кодировке UTF-8 начиная с этой строки; следующие строки не загружены";
            }
        }
        String message = e.getMessage() == null ? "ошибка разбора" : e.getMessage();
        int end = message.indexOf('\n');
        return "строка не читается как CSV (" + (end < 0 ? message : message.substring(0, end))
                .toLowerCase(Locale.ROOT) + "); следующие строки не загружены";
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
