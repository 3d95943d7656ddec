package cn.liftcare.quality.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.Scope;
import cn.liftcare.quality.Indicator;
import cn.liftcare.quality.PeriodClose;
import cn.liftcare.quality.QualityQueries;
import cn.liftcare.quality.QualityScoring;
import cn.liftcare.quality.SatisfactionVotes;
import cn.liftcare.quality.SpotChecks;
import cn.liftcare.quality.Standard;
import cn.liftcare.quality.StandardBook;
import cn.liftcare.quality.Vetoes;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

@RestController
@Tag(name = "Quality", description = "Maintenance quality: the standard, scores and rankings, spot checks, votes, pay by score")
class QualityApiController {

    private final QualityQueries queries;
    private final QualityScoring scoring;
    private final PeriodClose closing;
    private final StandardBook standards;
    private final SpotChecks spotChecks;
    private final SatisfactionVotes votes;
    private final Vetoes vetoes;

    QualityApiController(QualityQueries queries, QualityScoring scoring, PeriodClose closing, StandardBook standards,
            SpotChecks spotChecks, SatisfactionVotes votes, Vetoes vetoes) {
        this.vetoes = vetoes;
        this.queries = queries;
        this.scoring = scoring;
        this.closing = closing;
        this.standards = standards;
        this.spotChecks = spotChecks;
        this.votes = votes;
    }

    @GetMapping("/api/v1/quality/scores")
    @Operation(summary = "A period's scores at one level (company, community, elevator), ranked",
            description = "period is a quarter (2026-Q3) or a month (2026-07). The company ranking is published: it lists "
                    + "the companies working in the districts of the caller's elevators. Elevator and community scores "
                    + "are those in the caller's scope.")
    List<QualityQueries.ScoreRow> scores(Scope scope, @RequestParam String period,
            @RequestParam(defaultValue = "company") String level, @RequestParam(defaultValue = "500") int limit) {
        return queries.scores(scope, period, QualityQueries.level(level), Math.max(1, Math.min(limit, 5_000)));
    }

    @GetMapping("/api/v1/quality/scores/{company}/{period}/breakdown")
    @Operation(summary = "A company's scorecard: each indicator's figure, basis, points and weight; its elevators' facts; "
            + "its trend; its payments", description = "Only for a company that maintains elevators in the caller's scope "
            + "(a company sees its own); others answer 404.")
    QualityQueries.Breakdown breakdown(Scope scope, @PathVariable long company, @PathVariable String period) {
        return queries.breakdown(scope, company, period);
    }

    @GetMapping("/api/v1/quality/scores/{company}/{period}/records")
    @Operation(summary = "The records behind one indicator of a company's scorecard (visits, incidents, inspections, "
            + "spot checks, votes), those counted against it first; only elevators in the caller's scope")
    List<QualityQueries.RecordLine> records(Scope scope, @PathVariable long company, @PathVariable String period,
            @RequestParam String indicator) {
        Indicator i;
        try {
            i = Indicator.valueOf(indicator);
        }
        catch (IllegalArgumentException e) {
            throw new ValidationFailedException(Violation.of("indicator", "quality.indicator.invalid", indicator));
        }
        return queries.records(scope, company, period, i);
    }

    @GetMapping("/api/v1/quality/periods")
    @Operation(summary = "Periods that have scores, open or closed, with the standard each was scored under")
    List<QualityQueries.PeriodRow> periods(Scope scope) {
        return queries.periods();
    }

    @PostMapping("/api/v1/quality/periods/{period}/scores")
    @Operation(summary = "Recompute an open period's scores (regulator); a closed period is frozen (409)")
    QualityScoring.Computed compute(Scope scope, @PathVariable String period) {
        return scoring.compute(scope, period);
    }

    @PostMapping("/api/v1/quality/periods/{period}/close")
    @Operation(summary = "Close a period that has ended (regulator): freeze its scores and post each company's fee by grade",
            description = "Fee payable = base maintenance fee × the grade's factor, one ledger entry per insurer and "
                    + "company; a D grade warns the regulator. Closing again answers the same closing.")
    PeriodClose.Closing close(Scope scope, @PathVariable String period) {
        return closing.close(scope, period);
    }

    @GetMapping("/api/v1/quality/standards")
    @Operation(summary = "The evaluation standards, shipped and published, oldest first")
    List<Standard> standards(Scope scope) {
        return standards.versions();
    }

    @PostMapping("/api/v1/quality/standards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a new standard version (regulator or underwriter)",
            description = "Other weights, functions, vetoes, thresholds or pay factors, effective from today or later; "
                    + "scores already computed keep their version.")
    Standard publish(Scope scope, @RequestBody Standard standard) {
        return standards.publish(scope, standard);
    }

    @PostMapping("/api/v1/quality/spot-checks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a spot check (supervisor): the checklist items passed or not, and whether the last "
            + "maintenance record matches what was found (a mismatch is a veto item)")
    SpotChecks.SpotCheckView spotCheck(Scope scope, @RequestBody SpotChecks.NewSpotCheck request) {
        return spotChecks.record(scope, request);
    }

    @GetMapping("/api/v1/quality/spot-checks/sample")
    @Operation(summary = "Sample elevators for spot checks (supervisor): half at random, half weighted by flags and faults")
    List<SpotChecks.Sampled> sample(Scope scope, @RequestParam(defaultValue = "10") int size,
            @RequestParam(required = false) Long seed) {
        return spotChecks.sample(scope, size, seed == null ? System.nanoTime() : seed);
    }

    @GetMapping("/api/v1/quality/spot-checks/{id}")
    @Operation(summary = "A spot check in scope")
    SpotChecks.SpotCheckView spotCheck(Scope scope, @PathVariable long id) {
        return spotChecks.find(scope, id).orElseThrow(() -> new NotFoundException("spot check", id));
    }

    @PostMapping("/api/v1/public/elevators/{code}/votes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A resident's vote, without an account: 1–5 stars for cleanliness, running and response",
            description = "One vote per client and elevator per month (409 after); rate-limited per client (429).")
    void vote(@PathVariable String code, @RequestBody SatisfactionVotes.Vote vote, HttpServletRequest request) {
        votes.vote(code, VoterHash.of(request), vote);
    }

    @PostMapping("/api/v1/quality/vetoes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a veto item against a company (regulator): LIABILITY_ACCIDENT, FORGED_RECORDS or "
            + "UNCERTIFIED_STAFF, with the day and the evidence; its period is graded lowest")
    Vetoes.VetoView veto(Scope scope, @RequestBody Vetoes.NewVeto request) {
        return vetoes.record(scope, request);
    }
}
