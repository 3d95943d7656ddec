package cn.liftcare.maintenance;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationType;

/** Looks at a recorded or confirmed visit for the signs of box-ticking, and keeps each with its evidence. */
@Component
class BoxTickingFlags {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final MaintenanceSettings settings;

    BoxTickingFlags(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, MaintenanceSettings settings) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.settings = settings;
    }

    /** A flag with its evidence as a message key and arguments, so each reader sees it in their language. */
    record Raised(VisitFlag flag, List<String> evidence) {

        Raised(VisitFlag flag, Object... args) {
            this(flag, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }

        String messageKey() {
            return "flag.evidence." + flag.name();
        }
    }

    /** The flags a just-recorded visit earns. */
    List<Raised> onRecord(MaintenanceVisit visit) {
        List<Raised> raised = new ArrayList<>(ownFlags(visit));
        overlaps(visit.view()).ifPresent(raised::add);
        return raised;
    }

    /**
     * Flags for many recorded visits at once (an import of past records): the overlaps of all of them are
     * found in one query instead of one per visit.
     */
    java.util.Map<VisitId, List<Raised>> onRecordAll(List<MaintenanceVisit> recorded) {
        java.util.Map<VisitId, List<Raised>> all = new java.util.HashMap<>();
        for (MaintenanceVisit visit : recorded) {
            all.put(visit.id(), new ArrayList<>(ownFlags(visit)));
        }
        if (recorded.isEmpty()) {
            return all;
        }
        java.util.Map<Long, List<String>> overlapping = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT a.id, '#' || b.id FROM maintenance_visit a JOIN maintenance_visit b
                  ON b.maintainer_id = a.maintainer_id AND b.id <> a.id AND b.community_id <> a.community_id
                 AND b.started_at < a.finished_at AND b.finished_at > a.started_at
                 AND b.started_at > a.started_at - make_interval(hours => :longest)
                WHERE a.id BETWEEN :first AND :last ORDER BY a.id, b.started_at""")
                .param("longest", MaintenanceVisit.LONGEST_VISIT_HOURS)
                .param("first", recorded.stream().mapToLong(v -> v.id().value()).min().orElseThrow())
                .param("last", recorded.stream().mapToLong(v -> v.id().value()).max().orElseThrow())
                .query((rs, i) -> overlapping.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        overlapping.keySet().retainAll(recorded.stream().map(v -> v.id().value()).collect(java.util.stream.Collectors.toSet()));
        overlapping.forEach((visit, others) -> all.get(new VisitId(visit))
                .add(new Raised(VisitFlag.OVERLAPPING_VISITS, String.join(", ", others))));
        return all;
    }

    private List<Raised> ownFlags(MaintenanceVisit visit) {
        VisitView v = visit.view();
        List<Raised> raised = new ArrayList<>();
        long minutes = Duration.between(v.startedAt(), v.finishedAt()).toMinutes();
        int minimum = settings.minimumMinutes(v.visitClass());
        if (minutes < minimum) {
            raised.add(new Raised(VisitFlag.SHORT_VISIT, minutes, v.visitClass().name(), minimum));
        }
        if (!Boolean.TRUE.equals(v.checkInValid())) {
            raised.add(new Raised(VisitFlag.NO_VALID_CHECK_IN, v.checkInAt() == null ? "none" : "invalid"));
        }
        List<ChecklistEntry> entries = visit.entries();
        long seconds = Duration.between(v.startedAt(), v.finishedAt()).toSeconds();
        boolean allNormal = !entries.isEmpty() && entries.stream().allMatch(e -> e.result() == ItemResult.NORMAL);
        if (allNormal && seconds < (long) entries.size() * settings.minimumSecondsPerItem()) {
            raised.add(new Raised(VisitFlag.IMPLAUSIBLY_FAST, entries.size(), seconds, settings.minimumSecondsPerItem()));
        }
        return raised;
    }

    private java.util.Optional<Raised> overlaps(VisitView v) {
        if (v.maintainerId() != null) {
            List<String> overlaps = jdbc.sql("""
                    SELECT '#' || id FROM maintenance_visit
                    WHERE maintainer_id = :maintainer AND id <> :id AND community_id <> :community
                      AND started_at < :finished AND finished_at > :started
                      AND started_at > :earliest
                    ORDER BY started_at""")
                    .param("maintainer", v.maintainerId().value()).param("id", v.id().value())
                    .param("community", v.communityId().value())
                    .param("started", Timestamp.from(v.startedAt())).param("finished", Timestamp.from(v.finishedAt()))
                    .param("earliest", Timestamp.from(v.startedAt().minus(Duration.ofHours(MaintenanceVisit.LONGEST_VISIT_HOURS))))
                    .query(String.class).list();
            if (!overlaps.isEmpty()) {
                return java.util.Optional.of(new Raised(VisitFlag.OVERLAPPING_VISITS, String.join(", ", overlaps)));
            }
        }
        return java.util.Optional.empty();
    }

    List<Raised> onConfirm(VisitView confirmed) {
        if (OrganizationType.MAINTENANCE_COMPANY.name().equals(confirmed.confirmedByType())) {
            return List.of(new Raised(VisitFlag.SELF_CONFIRMED, confirmed.confirmedBy().value()));
        }
        return List.of();
    }

    void keepAll(java.util.Map<VisitId, List<Raised>> raised, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        raised.forEach((visit, flags) -> flags.forEach(r -> rows.add(new Object[] {visit.value(), r.flag().name(),
                String.join("\u001f", r.evidence()), Timestamp.from(now)})));
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate("INSERT INTO visit_flag (visit_id, flag, evidence, raised_at) VALUES (?, ?, ?, ?)",
                    rows, new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                            java.sql.Types.TIMESTAMP});
        }
    }

    void keep(VisitId visit, List<Raised> raised, Instant now) {
        for (Raised r : raised) {
            jdbc.sql("""
                    INSERT INTO visit_flag (visit_id, flag, evidence, raised_at) VALUES (:visit, :flag, :evidence, :at)
                    ON CONFLICT (visit_id, flag) DO NOTHING""")
                    .param("visit", visit.value()).param("flag", r.flag().name()).param("evidence", String.join("\u001f", r.evidence()))
                    .param("at", Timestamp.from(now)).update();
        }
    }
}
