package ru.otklik.retention;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.otklik.security.CurrentStaff;
import ru.otklik.security.Staff;

/** {@code POST /api/retention/run}: an administrator runs the anonymisation now instead of waiting for the night. */
@RestController
@RequestMapping("/api/retention")
class RetentionController {

    private final AuthorDataRetention retention;

    RetentionController(AuthorDataRetention retention) {
        this.retention = retention;
    }

    /** 200 with the run; 409 while another run holds the lock; 403 for anyone outside camunda-admin. */
    @PostMapping("/run")
    ResponseEntity<?> run() {
        Staff staff = CurrentStaff.get();
        if (!staff.admin()) {
            throw new AccessDeniedException("Запускать обезличивание может только администратор");
        }
        return retention.run(staff.userId())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                            "Обезличивание уже выполняется на другом узле или по другому запросу");
                    problem.setTitle("Уже выполняется");
                    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
                });
    }
}
