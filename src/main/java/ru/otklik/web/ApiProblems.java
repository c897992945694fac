package ru.otklik.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.Map;
import java.util.stream.Collectors;

/** Builds the 400 problem every endpoint of the app answers with. */
public final class ApiProblems {

    private ApiProblems() {
    }

    /** A 400 naming each invalid field with its message; {@code field} holds the first. */
    public static ProblemDetail badRequest(Map<String, String> fieldErrors) {
        String detail = fieldErrors.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Некорректные данные");
        problem.setProperty("field", fieldErrors.keySet().iterator().next());
        problem.setProperty("errors", fieldErrors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
        return problem;
    }
}
