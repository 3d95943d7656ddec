package cn.liftcare.ledger.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.ledger.AccountPurpose;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Who reads which books, for the API and the pages alike: the regulator and the platform read all of them,
 * an insurer's underwriters and adjusters the accounts its organisation owns, nobody else any. And the
 * request parameters the ledger's reads share, each refused with its field.
 */
final class LedgerReaders {

    /** The roles that may read some books, for {@code @PreAuthorize} and the navigation. */
    static final String ROLES = "hasAnyRole('REGULATOR','ADMIN','UNDERWRITER','ADJUSTER')";

    private LedgerReaders() {
    }

    /** The owner whose books the caller may read, or null for all of them; a caller who may read none is refused. */
    static Long books(Scope scope) {
        if (scope.hasAny(Role.REGULATOR, Role.ADMIN)) {
            return null;
        }
        if (scope.hasAny(Role.UNDERWRITER, Role.ADJUSTER)) {
            return scope.orgId();
        }
        throw new AccessDeniedException("role");
    }

    /** A civil date (yyyy-MM-dd), or the fallback when none is given. */
    static LocalDate date(String field, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            throw new ValidationFailedException(Violation.of(field, "validation.date"));
        }
    }

    /** A statement's period [from, to): by default the month of {@code today}. */
    record Period(LocalDate from, LocalDate to) {
    }

    static Period period(String from, String to, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        LocalDate start = today.withDayOfMonth(1);
        LocalDate end = null;
        try {
            start = date("from", from, start);
        }
        catch (ValidationFailedException e) {
            violations.addAll(e.violations());
        }
        try {
            end = date("to", to, null);
        }
        catch (ValidationFailedException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        if (end == null) {
            end = start.withDayOfMonth(1).plusMonths(1);
        }
        if (end.isBefore(start)) {
            throw new ValidationFailedException(Violation.of("to", "ledger.period"));
        }
        return new Period(start, end);
    }

    static AccountPurpose purpose(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AccountPurpose.valueOf(text.strip());
        }
        catch (IllegalArgumentException e) {
            throw new ValidationFailedException(Violation.of("purpose", "ledger.purpose.unknown", text.strip()));
        }
    }

    static Long owner(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        }
        catch (NumberFormatException e) {
            throw new ValidationFailedException(Violation.of("owner", "ledger.owner.invalid"));
        }
    }
}
