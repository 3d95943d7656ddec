package cn.liftcare.claims.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.claims.Adjusting;
import cn.liftcare.claims.ClaimDesk;
import cn.liftcare.claims.ClaimId;
import cn.liftcare.claims.ClaimQueries;
import cn.liftcare.claims.ClaimStatus;
import cn.liftcare.claims.ClaimView;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

@RestController
@RequestMapping("/api/v1/claims")
@Tag(name = "Claims", description = "Loss assessment (定损) by versioned rules, straight-through payout, the adjuster queue")
class ClaimApiController {

    private final ClaimDesk desk;
    private final Adjusting adjusting;
    private final ClaimQueries queries;
    private final LiftCareTime time;

    ClaimApiController(ClaimDesk desk, Adjusting adjusting, ClaimQueries queries, LiftCareTime time) {
        this.desk = desk;
        this.adjusting = adjusting;
        this.queries = queries;
        this.time = time;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a claim by hand; answers the decision and its findings at once",
            description = "Parts (from the catalogue) with prices, labour hours, the loss date, the cause, and the "
                    + "incident it answers if any. The rules decide synchronously: approved claims are paid to the "
                    + "maintenance company's payable in the same transaction; others are referred or declined, with "
                    + "the findings. The idempotency key makes a retry answer the first claim.")
    ClaimView file(Scope scope, @RequestBody ClaimDesk.NewClaim request) {
        return desk.file(scope, request);
    }

    @GetMapping
    @Operation(summary = "Claims in scope; queue=true lists those waiting for a person, rule= filters by finding")
    List<ClaimQueries.ClaimRow> list(Scope scope, @RequestParam(required = false) ClaimStatus status,
            @RequestParam(defaultValue = "false") boolean queue, @RequestParam(required = false) String rule,
            @RequestParam(defaultValue = "200") int limit) {
        return queries.list(scope, status, queue, rule, null, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A claim with its lines, findings (each with its evidence) and decisions")
    ClaimQueries.ClaimDetails get(Scope scope, @PathVariable long id) {
        return queries.details(scope, new ClaimId(id)).orElseThrow(() -> new NotFoundException("claim", id));
    }

    @PostMapping("/{id}/decisions")
    @Operation(summary = "The adjuster decides: APPROVE, ADJUST (with an amount), REQUEST_INFO or DECLINE, with a reason",
            description = "Above the adjuster's approval limit the claim waits for a second approver. A decision on "
                    + "a closed claim is refused (409). An idempotency key makes a retried decision answer the claim.")
    ClaimView decide(Scope scope, @PathVariable long id, @RequestBody Adjusting.Decision request) {
        return adjusting.decide(scope, new ClaimId(id), request);
    }

    @GetMapping("/metrics")
    @Operation(summary = "STP rate, repair-to-payout hours (median, p90), referral reasons ranked, loss ratios",
            description = "Over claims submitted in [from, to); the default is the last 12 months.")
    ClaimQueries.Metrics metrics(Scope scope, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        LocalDate end = to == null ? time.today().plusDays(1) : to;
        LocalDate start = from == null ? end.minusYears(1) : from;
        if (!start.isBefore(end)) {
            throw new ValidationFailedException(Violation.of("from", "claim.period"));
        }
        return queries.metrics(scope, start, end);
    }

    @GetMapping("/payouts")
    @Operation(summary = "A maintenance company's paid claims and their total (its own; the insurer and regulator name one)")
    ClaimQueries.Payouts payouts(Scope scope, @RequestParam(required = false) Long company) {
        long payee = company != null ? company : scope.orgId();
        return queries.payouts(scope, payee);
    }
}
