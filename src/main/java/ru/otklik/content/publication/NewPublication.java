package ru.otklik.content.publication;

/**
 * A publication as staff enter it (REST body, CSV row). Strings, so that every field is validated and a bad
 * value is reported by its name.
 *
 * @param publishedAt ISO instant with offset ({@code 2026-11-22T23:30:00+07:00}) or local date-time, read
 *                    in the organization's zone
 */
public record NewPublication(Long account, String publishedAt, String kind, String repostSource, String format,
                             String link, String topic) {
}
