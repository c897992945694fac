package ru.otklik.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The body size limit of the API with a 10-byte limit, for bodies of known and unknown length. */
class BodyLimitTests {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final BodyLimitFilter filter = new BodyLimitFilter(new BodyLimitProperties(DataSize.ofBytes(10)), json);

    private static MockHttpServletRequest request(String body, boolean chunked) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/messages");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        if (chunked) {
            // MockHttpServletRequest reports the length of its content; a chunked request has none
            request = new MockHttpServletRequest("POST", "/api/messages") {
                @Override
                public long getContentLengthLong() {
                    return -1;
                }

                @Override
                public int getContentLength() {
                    return -1;
                }
            };
            request.setContentType("application/json");
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
            request.addHeader("Transfer-Encoding", "chunked");
        }
        return request;
    }

    @Test
    @DisplayName("a body over the limit by its Content-Length is a 413 problem naming the body, unread")
    void byLength() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("{\"a\":\"12345\"}", false), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).as("not passed on").isNull();
        JsonNode problem = json.readTree(response.getContentAsByteArray());
        assertThat(problem.path("field").asText()).isEqualTo("body");
        assertThat(problem.path("detail").asText()).contains("больше 10 байт");
    }

    @Test
    @DisplayName("a chunked body is read up to one byte over the limit: over is a 413, within is passed on intact")
    void chunked() throws Exception {
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(request("12345678901", true), refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(413);

        MockHttpServletResponse passed = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("1234567890", true), passed, chain);
        assertThat(passed.getStatus()).isEqualTo(200);
        assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("1234567890");
        assertThat(chain.getRequest().getContentLength()).isEqualTo(10);
    }

    @Test
    @DisplayName("a multipart upload is left to the multipart limits")
    void multipart() throws Exception {
        MockHttpServletRequest upload = request("x".repeat(100), false);
        upload.setContentType("multipart/form-data; boundary=b");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(upload, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(upload);
    }
}
