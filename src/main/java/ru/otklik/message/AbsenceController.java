package ru.otklik.message;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.otklik.security.CurrentStaff;

import java.util.List;

/**
 * The absence register over REST (MSG-3, MSG-8): staff of the organization read it; the coordinator, the
 * substitute and administrators enter and remove absences. HTTP Basic (see {@code SecurityConfig}).
 */
@RestController
@RequestMapping("/api/absences")
class AbsenceController {

    private final AbsenceRegister absences;

    AbsenceController(AbsenceRegister absences) {
        this.absences = absences;
    }

    @GetMapping
    List<Absence> list(@RequestParam String org) {
        return absences.list(org, CurrentStaff.get());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Absence add(@RequestBody AbsenceRequest request) {
        return absences.add(request, CurrentStaff.get());
    }

    @DeleteMapping("/{id:\\d{1,18}}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        absences.delete(id, CurrentStaff.get());
    }
}
