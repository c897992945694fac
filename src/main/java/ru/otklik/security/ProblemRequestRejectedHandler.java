package ru.otklik.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * A URL that Spring Security's firewall refuses (encoded {@code ../}, {@code ;}, {@code %25}, a backslash, a
 * non-printable character) is a 400 problem that says so, not a bare error page.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final ObjectMapper json;

    ProblemRequestRejectedHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Недопустимый адрес запроса",
                "Адрес запроса (URL) отклонён: он содержит недопустимые символы или последовательности, "
                        + "например закодированные «../», «;» или «%25»");
        problem.setProperty("field", "URL");
        ProblemResponses.write(json, request, response, problem);
    }
}
