package ru.otklik.content.approval;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.otklik.security.CurrentStaff;

/** ЦУР Кузбасса's submissions and requests, entered by the ministry's staff (ACC-15). */
@RestController
@RequestMapping("/api/content-approvals")
class ContentApprovalController {

    private final ContentApprovals approvals;

    ContentApprovalController(ContentApprovals approvals) {
        this.approvals = approvals;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ContentApprovals.Receipt submit(@RequestBody NewContentApproval body) {
        return approvals.submit(body, CurrentStaff.get());
    }

    @GetMapping("/{id:\\d{1,18}}")
    ContentApproval get(@PathVariable("id") long id) {
        return approvals.readable(id, CurrentStaff.get());
    }
}
