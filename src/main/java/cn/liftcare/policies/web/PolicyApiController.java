package cn.liftcare.policies.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.Scope;
import cn.liftcare.policies.Billing;
import cn.liftcare.policies.Cover;
import cn.liftcare.policies.InvoiceView;
import cn.liftcare.policies.PaymentView;
import cn.liftcare.policies.PolicyId;
import cn.liftcare.policies.PolicyQueries;
import cn.liftcare.policies.PolicyStatus;
import cn.liftcare.policies.PolicyView;
import cn.liftcare.policies.PolicyWork;
import cn.liftcare.policies.SurveyId;
import cn.liftcare.policies.SurveyView;
import cn.liftcare.policies.SurveyWork;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Policies", description = "Risk surveys, three-party contracts, policies, endorsements, renewals, "
        + "cancellations, premium invoices and payments")
class PolicyApiController {

    /** How far back or ahead a term may start when quoted through the API. */
    static final int PAST_DAYS = 30;
    static final int AHEAD_DAYS = 180;

    private final PolicyWork work;
    private final PolicyQueries queries;
    private final SurveyWork surveys;
    private final Billing billing;
    private final Cover cover;
    private final ElevatorRegistry registry;
    private final LiftCareTime time;

    PolicyApiController(PolicyWork work, PolicyQueries queries, SurveyWork surveys, Billing billing, Cover cover,
            ElevatorRegistry registry, LiftCareTime time) {
        this.work = work;
        this.queries = queries;
        this.surveys = surveys;
        this.billing = billing;
        this.cover = cover;
        this.registry = registry;
        this.time = time;
    }

    @GetMapping("/policies")
    @Operation(summary = "Policies in the caller's scope: an insurer its own, a use unit its communities', a "
            + "maintenance company those where it is 丙方, the regulator its region")
    List<PolicyQueries.PolicyRow> list(Scope scope, @RequestParam(required = false) PolicyStatus status,
            @RequestParam(required = false) Long community, @RequestParam(defaultValue = "200") int limit) {
        return queries.list(scope, status, community, limit);
    }

    @PostMapping("/policies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Quote a policy (投保) for elevators of one use unit: rated per elevator with the "
            + "calculation kept, the payers' split, instalments; the term starts within 30 days back and 180 ahead")
    PolicyQueries.PolicyDetails quote(Scope scope, @RequestBody PolicyWork.NewPolicy request) {
        LocalDate today = time.today();
        if (request.termStart() != null && (request.termStart().isBefore(today.minusDays(PAST_DAYS))
                || request.termStart().isAfter(today.plusDays(AHEAD_DAYS)))) {
            throw new ValidationFailedException(Violation.of("termStart", "policy.termStartWindow", PAST_DAYS, AHEAD_DAYS));
        }
        return details(scope, work.quote(scope, request));
    }

    @GetMapping("/policies/{id}")
    @Operation(summary = "A policy with its schedule (each elevator's calculation, survey, continuous years), "
            + "parties, endorsements and invoices")
    PolicyQueries.PolicyDetails get(Scope scope, @PathVariable long id) {
        return queries.details(scope, new PolicyId(id)).orElseThrow(() -> new NotFoundException("policy", id));
    }

    @PostMapping("/policies/{id}/acceptances")
    @Operation(summary = "The caller's organisation accepts the three-party contract: the property manager for "
            + "the use unit (甲方), the underwriter for the insurer (乙方), the maintenance manager for its company "
            + "(丙方). Refused until every elevator has passed its risk survey; the last acceptance binds it")
    PolicyQueries.PolicyDetails accept(Scope scope, @PathVariable long id) {
        return details(scope, work.accept(scope, new PolicyId(id)));
    }

    @PostMapping("/policies/{id}/issue")
    @Operation(summary = "Issue a bound policy today: its number (TByyyy…), the certificate and the year's invoices")
    PolicyQueries.PolicyDetails issue(Scope scope, @PathVariable long id) {
        return details(scope, work.issue(scope, new PolicyId(id), time.today()));
    }

    @PostMapping("/policies/{id}/endorsements")
    @Operation(summary = "Add or remove elevators from a day of the term: added ones are rated under the policy's "
            + "own rate version and billed pro rata by days; removed ones get the unearned premium credited")
    PolicyQueries.PolicyDetails endorse(Scope scope, @PathVariable long id,
            @RequestBody PolicyWork.Endorsement request) {
        return details(scope, work.endorse(scope, new PolicyId(id), request));
    }

    @PostMapping("/policies/{id}/renewal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Quote the next term, re-rated with the tables in force then; it needs the three "
            + "parties' acceptance again")
    PolicyQueries.PolicyDetails renew(Scope scope, @PathVariable long id) {
        return details(scope, work.renew(scope, new PolicyId(id)));
    }

    @PostMapping("/policies/{id}/cancellation")
    @Operation(summary = "Cancel from a day; the premium not earned after it is credited back to the payers")
    PolicyQueries.PolicyDetails cancel(Scope scope, @PathVariable long id, @RequestBody Cancellation request) {
        return details(scope, work.cancel(scope, new PolicyId(id), request.effectiveOn(), request.reason()));
    }

    record Cancellation(LocalDate effectiveOn, String reason) {
    }

    @GetMapping("/policies/{id}/invoices")
    @Operation(summary = "A policy's invoices and credit notes, with what is settled and the derived state")
    List<InvoiceView> policyInvoices(Scope scope, @PathVariable long id) {
        queries.details(scope, new PolicyId(id)).orElseThrow(() -> new NotFoundException("policy", id));
        return billing.ofPolicy(scope, id);
    }

    @GetMapping("/invoices")
    @Operation(summary = "Invoices in scope, newest due first; state=OVERDUE lists premium unpaid after its due date")
    List<InvoiceView> invoices(Scope scope, @RequestParam(required = false) InvoiceView.State state,
            @RequestParam(required = false) Long community, @RequestParam(defaultValue = "200") int limit) {
        return billing.list(scope, state, community, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/invoices/{id}")
    @Operation(summary = "One invoice with its payments")
    Map<String, Object> invoice(Scope scope, @PathVariable long id) {
        InvoiceView invoice = billing.find(scope, id).orElseThrow(() -> new NotFoundException("invoice", id));
        return Map.of("invoice", invoice, "payments", billing.payments(scope, id));
    }

    @PostMapping("/invoices/{id}/payments")
    @Operation(summary = "Record money received (or refunded on a credit note). Idempotent by key, from the "
            + "Idempotency-Key header or the body; more than is outstanding is refused")
    PaymentView pay(Scope scope, @PathVariable long id, @RequestBody PaymentRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String header) {
        String key = request.idempotencyKey() != null ? request.idempotencyKey() : header;
        return billing.pay(scope, id, new Billing.NewPayment(request.amount(), request.paidOn(), request.reference(), key));
    }

    record PaymentRequest(Money amount, LocalDate paidOn, String reference, String idempotencyKey) {
    }

    @GetMapping("/elevators/{id}/cover")
    @Operation(summary = "Whether the elevator is insured today, under which policy, and its continuous insured years")
    Map<String, Object> cover(Scope scope, @PathVariable long id) {
        ElevatorId elevator = new ElevatorId(id);
        if (!registry.inScope(scope, elevator)) {
            throw new NotFoundException("elevator", id);
        }
        LocalDate today = time.today();
        var found = cover.on(elevator, today);
        return found.<Map<String, Object>>map(c -> Map.of("insured", true, "cover", c))
                .orElseGet(() -> Map.of("insured", false, "continuousYears", 0));
    }

    @GetMapping("/surveys/due")
    @Operation(summary = "The survey queue: elevators on quoted policies without a survey that allows binding")
    List<PolicyQueries.SurveyDue> surveysDue(Scope scope) {
        return queries.surveysDue(scope);
    }

    @PostMapping("/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a risk survey (风险查勘): every item with its result, photos, and the outcome "
            + "PASS, RECTIFY (with what to put right) or DECLINE")
    SurveyView survey(Scope scope, @RequestBody SurveyWork.NewSurvey request) {
        return surveys.record(scope, request);
    }

    @GetMapping("/surveys/{id}")
    @Operation(summary = "One risk survey")
    SurveyView surveyOne(Scope scope, @PathVariable long id) {
        return surveys.find(scope, new SurveyId(id));
    }

    @PostMapping("/surveys/{id}/rectification")
    @Operation(summary = "The supervisor confirms the rectification a survey asked for; the elevator then passes")
    SurveyView rectified(Scope scope, @PathVariable long id, @RequestBody(required = false) Rectified request) {
        return surveys.confirmRectified(scope, new SurveyId(id), request == null ? null : request.rectifiedOn());
    }

    record Rectified(LocalDate rectifiedOn) {
    }

    @PostMapping(value = "/surveys/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a survey photo (JPEG, PNG or WebP, at most 5 MB); answers its id")
    Map<String, Long> photo(Scope scope, @RequestPart("file") MultipartFile file) throws IOException {
        return Map.of("id", surveys.uploadPhoto(scope, file.getBytes()));
    }

    private PolicyQueries.PolicyDetails details(Scope scope, PolicyView view) {
        return queries.details(scope, new PolicyId(view.id())).orElseThrow();
    }
}
