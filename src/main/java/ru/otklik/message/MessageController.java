package ru.otklik.message;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.otklik.security.CurrentStaff;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The intake API of the registry of messages: monitoring systems and specialists report detected messages
 * (MSG-8); staff read the registry of their organizations. HTTP Basic (see {@code SecurityConfig}).
 */
@RestController
@RequestMapping("/api/messages")
class MessageController {

    /** RFC 7240: the preference asking for a 202 before the case has started. */
    private static final String RESPOND_ASYNC = "respond-async";

    private final MessageIntakeService intake;

    MessageController(MessageIntakeService intake) {
        this.intake = intake;
    }

    /**
     * 201 with {@code Location} for a new message and its started case; 200 with the existing entry for a post
     * already known. With {@code Prefer: respond-async} (RFC 7240) a new message is registered and answered with
     * 202 and its number at once, and its case starts in the background ({@link CaseStarter}).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MessageReceiptView> report(@Valid @RequestBody MessageRequest request,
                                              @RequestHeader(value = "Prefer", required = false) String prefer) {
        boolean later = prefer != null && prefer.toLowerCase(Locale.ROOT).contains(RESPOND_ASYNC);
        Registration registration = later ? intake.reportLater(request, CurrentStaff.get())
                : intake.report(request, CurrentStaff.get());
        MessageEntry entry = registration.entry();
        MessageReceiptView view = MessageReceiptView.of(entry, intake.zone(entry.organization()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(entry.id())
                .toUri();
        if (!registration.created()) {
            return ResponseEntity.status(HttpStatus.OK).header("Content-Location", location.toString()).body(view);
        }
        return later
                ? ResponseEntity.accepted().location(location).header("Preference-Applied", RESPOND_ASYNC).body(view)
                : ResponseEntity.created(location).body(view);
    }

    /** Only digits reach here; any other id finds no handler and is a 404 like an unknown one. */
    @GetMapping("/{id:\\d{1,18}}")
    MessageView message(@PathVariable long id) {
        return intake.message(id, CurrentStaff.get());
    }

    @GetMapping
    MessagePageView search(@RequestParam(required = false) String org,
                           @RequestParam(required = false) String status,
                           @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to,
                           @RequestParam(required = false) String page,
                           @RequestParam(required = false) String size) {
        return intake.search(org, status, from, to, page, size, CurrentStaff.get());
    }

    /**
     * Reads {@link MessageRequest} strictly, while the rest of the API keeps Spring Boot's lenient JSON: an
     * unknown property (a misspelt field would silently lose data) and a number or boolean where text is
     * expected are 400s naming the field.
     */
    @Configuration(proxyBeanMethods = false)
    static class StrictIntakeJson implements WebMvcConfigurer {

        @Override
        public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
            for (HttpMessageConverter<?> converter : converters) {
                if (converter instanceof MappingJackson2HttpMessageConverter json) {
                    ObjectMapper strict = json.getObjectMapper().copy()
                            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
                    strict.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    strict.coercionConfigFor(LogicalType.Enum)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    json.registerObjectMappersForType(MessageRequest.class,
                            mappers -> mappers.put(MediaType.APPLICATION_JSON, strict));
                }
            }
        }
    }
}
