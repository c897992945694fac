package ru.otklik.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Client errors of {@code /engine-rest} as 4xx instead of the engine REST API's 500. Camunda answers 500 to
 * whatever an engine command throws while completing a task (its own check that a task exists, its tenant check,
 * and the app's task listeners that refuse what a staff member entered, e.g. {@code MessageValidationException}).
 * These mappers, chosen by Jersey before Camunda's own through their priority, answer:
 * <ul>
 *   <li>400 when the app refused the input: an {@link InvalidFieldException}, or an engine exception of the app's
 *       own code (by convention the app throws engine exceptions only to refuse input);</li>
 *   <li>404 for a task, instance or definition that does not exist;</li>
 *   <li>403 for an entry of another organization (tenant check, ENGINE-13034);</li>
 *   <li>400 naming the fault for a body that is not JSON or not of the expected shape (Camunda's own mappers
 *       answer these with an empty message);</li>
 * </ul>
 * and leave every other case to Camunda's handlers. The body keeps Camunda's shape ({@code type}, {@code message}).
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    /** Before Camunda's mappers, which have the default priority {@link Priorities#USER}. */
    private static final int BEFORE_CAMUNDA = Priorities.USER - 1000;
    private static final String APP_PACKAGE = "ru.otklik.";
    /** Camunda's own mappers (they also log), for everything that is not a client error. */
    private static final RestExceptionHandler CAMUNDA_REST = new RestExceptionHandler();
    private static final ProcessEngineExceptionHandler CAMUNDA_ENGINE = new ProcessEngineExceptionHandler();

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RestErrors.class);
        config.register(EngineErrors.class);
        config.register(FieldErrors.class);
        config.register(JsonParseErrors.class);
        config.register(JsonMappingErrors.class);
    }

    /** The status for a client error found in the cause chain; {@code null} when it is none. */
    static Response.Status clientError(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidFieldException
                    || t instanceof ProcessEngineException && t.getClass().getName().startsWith(APP_PACKAGE)) {
                return Response.Status.BAD_REQUEST;
            }
            if (t instanceof NotFoundException
                    || t instanceof NullValueException && t.getMessage() != null && t.getMessage().startsWith("Cannot find")) {
                return Response.Status.NOT_FOUND;
            }
            if (t.getMessage() != null && (t.getMessage().contains("ENGINE-13034")
                    || t.getMessage().contains("belongs to no authenticated tenant"))) {
                return Response.Status.FORBIDDEN;
            }
        }
        return null;
    }

    /** The message of the client error in the cause chain (the app's own, in Russian), else the thrown one's. */
    static String appMessage(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidFieldException || t instanceof NotFoundException
                    || t instanceof ProcessEngineException && t.getClass().getName().startsWith(APP_PACKAGE)) {
                return t.getMessage();
            }
        }
        return thrown.getMessage();
    }

    private static Response respond(Response.Status status, Throwable thrown) {
        return Response.status(status).entity(ExceptionHandlerHelper.getInstance().fromException(thrown))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Priority(BEFORE_CAMUNDA)
    static class RestErrors implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException e) {
            Response.Status status = e.getStatus() == null || e.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
                    ? clientError(e) : null;
            return status != null ? respond(status, e) : CAMUNDA_REST.toResponse(e);
        }
    }

    @Priority(BEFORE_CAMUNDA)
    static class EngineErrors implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException e) {
            Response.Status status = clientError(e);
            return status != null ? respond(status, e) : CAMUNDA_ENGINE.toResponse(e);
        }
    }

    @Priority(BEFORE_CAMUNDA)
    static class FieldErrors implements ExceptionMapper<InvalidFieldException> {

        @Override
        public Response toResponse(InvalidFieldException e) {
            return respond(Response.Status.BAD_REQUEST, e);
        }
    }

    /** Same types as Camunda's JSON mappers, so that the priority decides. */
    @Priority(BEFORE_CAMUNDA)
    static class JsonParseErrors implements ExceptionMapper<JsonParseException> {

        @Override
        public Response toResponse(JsonParseException e) {
            return invalidJson(e);
        }
    }

    @Priority(BEFORE_CAMUNDA)
    static class JsonMappingErrors implements ExceptionMapper<JsonMappingException> {

        @Override
        public Response toResponse(JsonMappingException e) {
            return invalidJson(e);
        }
    }

    private static Response invalidJson(JsonProcessingException e) {
        return respond(Response.Status.BAD_REQUEST, new InvalidRequestException(Response.Status.BAD_REQUEST, e,
                "Тело запроса — не корректный JSON или не той структуры: " + e.getOriginalMessage()));
    }
}
