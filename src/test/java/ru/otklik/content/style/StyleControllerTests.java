package ru.otklik.content.style;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = StyleController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(StyleControllerTests.Beans.class)
@DisplayName("ACC-11 / MSG-22: POST /api/style/check for staff")
class StyleControllerTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        StyleChecker styleChecker() {
            return StyleChecker.fromClasspath();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private ResultActions check(Object body) throws Exception {
        return mvc.perform(post("/api/style/check").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    @Test
    @DisplayName("ACC-11: a bureaucratic answer comes back as a report with verdict, offsets, Russian messages and suggestions")
    void report() throws Exception {
        check(Map.of("text", "В целях экономии данный приём переносится."))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.verdict").value("NEEDS_WORK"))
                .andExpect(jsonPath("$.score").value(2))
                .andExpect(jsonPath("$.wordCount").value(6))
                .andExpect(jsonPath("$.summary").value(containsString("Перепишите")))
                .andExpect(jsonPath("$.warnings", hasSize(2)))
                .andExpect(jsonPath("$.warnings[0].category").value("BUREAUCRATESE"))
                .andExpect(jsonPath("$.warnings[0].categoryLabel").value("канцелярит"))
                .andExpect(jsonPath("$.warnings[0].rule").value("v-celyah"))
                .andExpect(jsonPath("$.warnings[0].marker").value("В целях"))
                .andExpect(jsonPath("$.warnings[0].start").value(0))
                .andExpect(jsonPath("$.warnings[0].end").value(7))
                .andExpect(jsonPath("$.warnings[0].message").value(containsString("«В целях»")))
                .andExpect(jsonPath("$.warnings[0].suggestions[0]").value("чтобы"))
                .andExpect(jsonPath("$.warnings[1].marker").value("данный"))
                .andExpect(jsonPath("$.warnings[1].start").value(17))
                .andExpect(jsonPath("$.needsWork").doesNotExist());
    }

    @Test
    @DisplayName("MSG-22: a plain answer is PLAIN with no warnings; exactly 20 000 characters are accepted")
    void plain() throws Exception {
        check(Map.of("text", "Спасибо, что написали! Мастер придёт завтра с 10 до 12."))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("PLAIN"))
                .andExpect(jsonPath("$.warnings", hasSize(0)));
        check(Map.of("text", "Да. ".repeat(5_000)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("PLAIN"));
    }

    @Test
    @DisplayName("ACC-11: a missing or blank text is a 400 problem naming the field 'text'")
    void missingText() throws Exception {
        check(Map.of())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("text"))
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("обязательное поле")));
        check(Map.of("text", "   "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("text"));
    }

    @Test
    @DisplayName("ACC-11: a text over 20 000 characters is a 400 problem naming the field 'text'")
    void tooLong() throws Exception {
        check(Map.of("text", "а".repeat(20_001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("не длиннее 20000 символов"));
    }
}
