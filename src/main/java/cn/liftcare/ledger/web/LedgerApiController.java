package cn.liftcare.ledger.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.ledger.Books;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

@RestController
@Tag(name = "Ledger", description = "The double-entry books: trial balance (statements and pages follow)")
class LedgerApiController {

    private final Books books;
    private final LiftCareTime time;

    LedgerApiController(Books books, LiftCareTime time) {
        this.books = books;
        this.time = time;
    }

    @GetMapping("/api/v1/ledger/trial-balance")
    @Operation(summary = "Every account's debits, credits and balance as of a date (default today)",
            description = "An insurer sees its own books; the regulator and the platform see all, read-only.")
    Books.TrialBalance trialBalance(Scope scope, @RequestParam(required = false) String asOf) {
        Long owner;
        if (scope.hasAny(Role.REGULATOR, Role.ADMIN)) {
            owner = null;
        }
        else if (scope.hasAny(Role.UNDERWRITER, Role.ADJUSTER)) {
            owner = scope.orgId();
        }
        else {
            throw new AccessDeniedException("role");
        }
        return books.trialBalance(date(asOf), owner);
    }

    private LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return time.today();
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            throw new ValidationFailedException(Violation.of("asOf", "validation.date"));
        }
    }
}
