package cn.liftcare.maintenance;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.LiftCareTime;

/**
 * Imports past visits, already done and confirmed elsewhere (a previous platform, the demo district's
 * year): each goes through the same domain steps as a live visit (planned, checked in, recorded against the
 * items due, confirmed) and earns the same flags, but is written in batches, with one audit entry for its
 * final state.
 */
@Service
public class VisitHistory {

    private final ChecklistRules rules;
    private final BoxTickingFlags flags;
    private final JdbcTemplate jdbc;
    private final IdSequences ids;
    private final LiftCareTime time;
    private final ApplicationEventPublisher events;

    VisitHistory(ChecklistRules rules, BoxTickingFlags flags, JdbcTemplate jdbc, IdSequences ids, LiftCareTime time,
            ApplicationEventPublisher events) {
        this.rules = rules;
        this.flags = flags;
        this.jdbc = jdbc;
        this.ids = ids;
        this.time = time;
        this.events = events;
    }

    /** A visit as it happened. A null check-in time means none; a null confirmer means not confirmed yet. */
    public record PastVisit(ElevatorId elevatorId, OrganizationId companyId, CommunityId communityId,
            UserId maintainerId, MaintenanceClass visitClass, LocalDate plannedOn, List<String> dueItems,
            Instant checkInAt, String checkInTokenHash, boolean checkInValid, Instant startedAt, Instant finishedAt,
            List<ChecklistEntry> entries, Instant confirmedAt, UserId confirmedBy, String confirmedByType) {
    }

    @Transactional
    public int importAll(List<PastVisit> past) {
        List<Long> newIds = ids.next("maintenance_visit", past.size());
        List<MaintenanceVisit> built = new ArrayList<>(past.size());
        for (int i = 0; i < past.size(); i++) {
            PastVisit p = past.get(i);
            MaintenanceVisit visit = MaintenanceVisit.plan(new VisitId(newIds.get(i)), p.elevatorId(), p.companyId(),
                    p.communityId(), p.visitClass(), p.plannedOn(), p.dueItems(), p.maintainerId(), p.startedAt());
            if (p.checkInAt() != null) {
                visit.checkIn(p.maintainerId(), p.checkInTokenHash(), p.checkInValid(), null, null, p.checkInAt());
            }
            List<ChecklistEntry> checked = rules.check(p.dueItems(), p.entries());
            visit.record(p.maintainerId(), checked, p.startedAt(), p.finishedAt(), "import-" + newIds.get(i),
                    p.finishedAt());
            if (p.confirmedBy() != null) {
                visit.confirm(p.confirmedBy(), p.confirmedByType(), p.confirmedAt());
            }
            visit.unpublishedEvents();
            built.add(visit);
        }
        insert(built);
        // a plan begins, at the latest, with the first visit on record
        jdbc.batchUpdate("UPDATE maintenance_plan SET starts_on = least(starts_on, ?) WHERE elevator_id = ?",
                past.stream().collect(java.util.stream.Collectors.toMap(PastVisit::elevatorId, PastVisit::plannedOn,
                        (a, b) -> a.isBefore(b) ? a : b)).entrySet().stream()
                        .map(e -> new Object[] {e.getValue(), e.getKey().value()}).toList(),
                new int[] {Types.DATE, Types.BIGINT});
        Instant now = time.now();
        Map<VisitId, List<BoxTickingFlags.Raised>> raised = flags.onRecordAll(built);
        for (MaintenanceVisit visit : built) {
            if (visit.status() == VisitStatus.CONFIRMED) {
                raised.get(visit.id()).addAll(flags.onConfirm(visit.view()));
            }
        }
        flags.keepAll(raised, now);
        repairNeeds(built);
        for (MaintenanceVisit visit : built) {
            events.publishEvent(VisitChanged.created(visit));
        }
        return built.size();
    }

    private void insert(List<MaintenanceVisit> visits) {
        List<Object[]> rows = new ArrayList<>(visits.size());
        for (MaintenanceVisit visit : visits) {
            VisitView v = visit.view();
            rows.add(new Object[] {v.id().value(), v.elevatorId().value(), v.companyId().value(), v.communityId().value(),
                    v.maintainerId() == null ? null : v.maintainerId().value(), v.visitClass().name(), v.plannedOn(),
                    v.status().name(), String.join(",", v.dueItems()), at(v.checkInAt()), visit.checkInTokenHashForImport(),
                    v.checkInValid(), at(v.startedAt()), at(v.finishedAt()), at(v.submittedAt()), visit.submissionKey(),
                    visit.checklistJson(), v.checklistDigest(), at(v.confirmedAt()),
                    v.confirmedBy() == null ? null : v.confirmedBy().value(), v.confirmedByType(), at(v.startedAt())});
        }
        int[] types = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE,
                Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.BOOLEAN,
                Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.VARCHAR,
                Types.TIMESTAMP_WITH_TIMEZONE};
        for (int from = 0; from < rows.size(); from += 1_000) {
            jdbc.batchUpdate("""
                    INSERT INTO maintenance_visit (id, elevator_id, company_id, community_id, maintainer_id, visit_class,
                        planned_on, status, due_items, check_in_at, check_in_token_hash, check_in_valid, started_at,
                        finished_at, submitted_at, submission_key, checklist, checklist_digest, confirmed_at, confirmed_by,
                        confirmed_by_type, created_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                    rows.subList(from, Math.min(rows.size(), from + 1_000)), types);
        }
    }

    private void repairNeeds(List<MaintenanceVisit> visits) {
        List<Object[]> rows = new ArrayList<>();
        for (MaintenanceVisit visit : visits) {
            for (ChecklistEntry e : visit.entries()) {
                if (e.result() == ItemResult.ABNORMAL) {
                    String description = e.note() == null || e.note().isBlank() ? e.code() : e.note();
                    rows.add(new Object[] {visit.elevatorId().value(), visit.id().value(), e.code(),
                            description.length() > 500 ? description.substring(0, 500) : description,
                            at(visit.view().finishedAt())});
                }
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO repair_need (elevator_id, visit_id, item_code, description, raised_at, status)
                    VALUES (?, ?, ?, ?, ?, 'OPEN')""", rows,
                    new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE});
        }
    }

    private static Object at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
