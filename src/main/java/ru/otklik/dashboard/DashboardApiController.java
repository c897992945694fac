package ru.otklik.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.otklik.security.CurrentStaff;

/**
 * {@code GET /api/dashboard?org=zags}: the dashboard as JSON (HTTP Basic). Without {@code org}, every organization
 * the user sees: their own for the coordinator, the substitute and the head; all for the media directorate (ACC-13).
 * 403 for anyone else or another organization, 404 for an unknown one.
 */
@RestController
class DashboardApiController {

    private final DashboardAccess access;
    private final DashboardService dashboards;

    DashboardApiController(DashboardAccess access, DashboardService dashboards) {
        this.access = access;
        this.dashboards = dashboards;
    }

    @GetMapping("/api/dashboard")
    Dashboard dashboard(@RequestParam(required = false) String org) {
        return dashboards.build(access.scope(CurrentStaff.get(), org));
    }
}
