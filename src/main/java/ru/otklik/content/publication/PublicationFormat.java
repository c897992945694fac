package ru.otklik.content.publication;

/** ACC-12: the formats of publications the acts name, plus «other». */
public enum PublicationFormat {
    TEXT("текст"),
    PHOTO("фото"),
    INFOGRAPHICS("инфографика"),
    CARD("карточки"),
    ANIMATION("анимация"),
    VIDEO("видео"),
    LIVE_STREAM("прямой эфир"),
    POLL("опрос"),
    CONTEST("конкурс"),
    CAMPAIGN("акция"),
    OTHER("другое");

    private final String title;

    PublicationFormat(String title) {
        this.title = title;
    }

    /** The Russian label staff read. */
    public String title() {
        return title;
    }
}
