package ru.otklik.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.otklik.organization.UnknownOrganizationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Errors of the app's API as RFC 9457 problems. A 400 names the offending field in {@code field} (the
 * first) and {@code errors} (all), with a Russian explanation a person can act on.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final ObjectProvider<MultipartProperties> multipart;

    public ApiExceptionHandler(ObjectProvider<MultipartProperties> multipart) {
        this.multipart = multipart;
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return ApiProblems.badRequest(Map.of(e.field(), e.getMessage()));
    }

    @ExceptionHandler(UnknownOrganizationException.class)
    ProblemDetail unknownOrganization(UnknownOrganizationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Организация не найдена");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Не найдено");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Доступ запрещён");
        return problem;
    }

    /**
     * An engine exception the app threw to refuse input (e.g. a reference to a case that does not exist, checked
     * while the case starts) is a 400, a missing engine entry a 404, another organization's a 403 — as over
     * {@code /engine-rest}; any other engine failure stays a 500.
     */
    @ExceptionHandler(ProcessEngineException.class)
    ProblemDetail engine(ProcessEngineException e) {
        jakarta.ws.rs.core.Response.Status status = EngineRestErrors.clientError(e);
        if (status == null) {
            throw e;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status.getStatusCode()),
                EngineRestErrors.appMessage(e));
        problem.setTitle(status == jakarta.ws.rs.core.Response.Status.BAD_REQUEST ? "Некорректные данные"
                : status == jakarta.ws.rs.core.Response.Status.NOT_FOUND ? "Не найдено" : "Доступ запрещён");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String given = ex.getContentType() == null ? "не указан" : "«" + ex.getContentType() + "»";
        return naming("Content-Type", "Неподдерживаемый тип содержимого", "Тип содержимого " + given
                + " не поддерживается; допустимо: " + MediaType.toString(ex.getSupportedMediaTypes()),
                ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String limit = multipart.getIfAvailable() == null ? "" : " " + multipart.getIfAvailable().getMaxFileSize();
        return naming("file", "Слишком большой файл",
                "file: файл больше допустимого размера" + limit + "; загрузка не принята", ex, headers, status, request);
    }

    /** A problem of Spring MVC's own errors in Russian, naming what was wrong in {@code field}. */
    private ResponseEntity<Object> naming(String field, String title, String detail, Exception ex, HttpHeaders headers,
                                          HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("field", field);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.putIfAbsent(e.getObjectName(), e.getDefaultMessage()));
        return ResponseEntity.badRequest().body(ApiProblems.badRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message;
            if (mapping instanceof UnrecognizedPropertyException) {
                message = "неизвестное поле";
            } else if (mapping instanceof InvalidFormatException invalid) {
                message = "недопустимое значение «" + invalid.getValue() + "»"
                        + allowedValues(invalid.getTargetType());
            } else {
                message = "недопустимое значение";
            }
            return ResponseEntity.badRequest().body(ApiProblems.badRequest(Map.of(field, message)));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Тело запроса не является корректным JSON");
        problem.setTitle("Некорректный запрос");
        problem.setProperty("field", "body");
        return ResponseEntity.badRequest().body(problem);
    }

    private static String allowedValues(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; допустимо: " + List.of(type.getEnumConstants()).stream().map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "";
    }
}
