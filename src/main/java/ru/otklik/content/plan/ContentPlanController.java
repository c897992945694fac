package ru.otklik.content.plan;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.otklik.security.CurrentStaff;

import java.time.LocalDate;
import java.util.List;

/** The content plan over REST (ACC-6). */
@RestController
@RequestMapping("/api/content-plan")
class ContentPlanController {

    private final ContentPlan plan;

    ContentPlanController(ContentPlan plan) {
        this.plan = plan;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PlanItem create(@RequestBody NewPlanItem body) {
        return plan.plan(body, CurrentStaff.get());
    }

    @GetMapping
    List<PlanItem> list(@RequestParam("org") String org,
                        @RequestParam(name = "account", required = false) Long account,
                        @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return plan.list(org, account, from, to, CurrentStaff.get());
    }
}
