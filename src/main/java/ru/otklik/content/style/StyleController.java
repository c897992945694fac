package ru.otklik.content.style;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/style/check} with {@code {"text": "…"}}: the {@link StyleReport} of the text for staff
 * (ACC-11, MSG-22). {@code text} is required and at most {@value #TEXT_MAX} characters; otherwise a 400 problem
 * names the field. Login as for every {@code /api/**} endpoint.
 */
@RestController
@RequestMapping(path = "/api/style", produces = MediaType.APPLICATION_JSON_VALUE)
class StyleController {

    static final int TEXT_MAX = 20_000;

    private final StyleChecker checker;

    StyleController(StyleChecker checker) {
        this.checker = checker;
    }

    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    StyleReport check(@Valid @RequestBody CheckRequest request) {
        return checker.check(request.text());
    }

    /** The body of {@code POST /api/style/check}. */
    record CheckRequest(
            @NotBlank(message = "обязательное поле: текст ответа или публикации")
            @Size(max = TEXT_MAX, message = "не длиннее {max} символов")
            String text) {
    }
}
