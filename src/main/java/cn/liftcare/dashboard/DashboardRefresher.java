package cn.liftcare.dashboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.liftcare.claims.ClaimChanged;
import cn.liftcare.claims.ClaimPaid;
import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.IncidentDispatched;
import cn.liftcare.incidents.IncidentEscalated;
import cn.liftcare.incidents.IncidentReported;
import cn.liftcare.incidents.IncidentRestored;
import cn.liftcare.incidents.RepairOrderCompleted;
import cn.liftcare.ledger.AccountRef;
import cn.liftcare.ledger.JournalEntryPosted;
import cn.liftcare.maintenance.VisitChanged;
import cn.liftcare.pension.PensionCaseChanged;
import cn.liftcare.policies.InvoiceIssued;
import cn.liftcare.policies.PaymentRecorded;
import cn.liftcare.policies.PolicyChanged;
import cn.liftcare.quality.QualityPeriodClosed;
import cn.liftcare.quality.QualityScoresComputed;
import cn.liftcare.registry.ElevatorChanged;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorParties;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.shared.RegionCode;

/**
 * Keeps the dashboards' read model up to date. Each module event that can move a figure marks the dashboards of the
 * organisations that see the elevator (or policy, invoice, entry) it is about; one background worker recomputes the
 * marked dashboards, coalescing a burst of events into one computation per organisation. At start-up every
 * dashboard is rebuilt from the modules' public queries, so a new figure, or events missed while the platform was
 * down, are caught up.
 */
@Component
class DashboardRefresher {

    private static final Logger log = LoggerFactory.getLogger(DashboardRefresher.class);
    /** A burst of events (a whole visit submitted, say) lands before the worker starts. */
    private static final long COALESCE_MS = 200;
    /**
     * Under a steady stream of events (claims filed every few milliseconds) the worker rests twice as long as its
     * last pass took before it starts the next, so recomputing boards takes at most about a third of a core from
     * the work that raises the events; at rest an event shows within the coalescing delay and one pass.
     */
    private volatile long lastPassNanos;
    /** ... but never longer than this, so an event still shows within seconds. */
    private static final long MAX_REST_MS = 2_000;

    private final BoardComposer composer;
    private final DashboardStore store;
    private final OrganizationDirectory organizations;
    private final ElevatorQueries elevators;
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    /** Elevators with news not yet routed; true where insurers' boards move too. */
    private final Map<Long, Boolean> elevatorNews = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean working = new AtomicBoolean();
    private final AtomicBoolean ready = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-refresher");
        t.setDaemon(true);
        return t;
    });

    DashboardRefresher(BoardComposer composer, DashboardStore store, OrganizationDirectory organizations,
            ElevatorQueries elevators) {
        this.composer = composer;
        this.store = store;
        this.organizations = organizations;
        this.elevators = elevators;
    }

    // ---- events ---------------------------------------------------------------------------------------------------

    /**
     * Once the application is ready (after start-up runners such as a first-start seeding, whose events are only
     * noted until then): every dashboard is rebuilt.
     */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildAll() {
        ready.set(true);
        mark(dashboards().stream().map(o -> o.id().value()).toList());
    }

    @Listen
    void on(ElevatorChanged event) {
        news(event.elevatorId(), true);
        if (event.before() != null && event.maintenanceCompanyChanged() && event.before().maintenanceCompanyId() != null) {
            mark(List.of(event.before().maintenanceCompanyId().value()));
        }
    }

    @Listen
    void on(VisitChanged event) {
        news(event.after().elevatorId(), false);
    }

    @Listen
    void on(IncidentReported event) {
        news(event.elevatorId(), false);
    }

    @Listen
    void on(IncidentDispatched event) {
        news(event.elevatorId(), false);
    }

    @Listen
    void on(IncidentEscalated event) {
        news(event.elevatorId(), false);
    }

    @Listen
    void on(IncidentRestored event) {
        news(event.elevatorId(), false);
    }

    @Listen
    void on(RepairOrderCompleted event) {
        news(event.order().elevatorId(), false);
    }

    @Listen
    void on(ClaimChanged event) {
        news(new ElevatorId(event.after().elevatorId()), false);
        if (event.after().insurerId() != null) {
            mark(List.of(event.after().insurerId()));
        }
    }

    @Listen
    void on(ClaimPaid event) {
        news(event.elevatorId(), false);
        mark(List.of(event.payeeId().value()));
    }

    @Listen
    void on(PolicyChanged event) {
        mark(List.of(event.after().insurerId(), event.after().useUnitId()));
        event.after().elevators().stream().findFirst().ifPresent(l -> news(new ElevatorId(l.elevatorId()), false));
    }

    @Listen
    void on(InvoiceIssued event) {
        invoice(event.invoice().insurerId(), event.invoice().useUnitId());
    }

    @Listen
    void on(PaymentRecorded event) {
        // a payment names its invoice only: the invoice's insurer and use unit are among the regional readers
        mark(dashboards().stream().filter(o -> o.type() != OrganizationType.MAINTENANCE_COMPANY)
                .map(o -> o.id().value()).toList());
    }

    @Listen
    void on(JournalEntryPosted event) {
        Set<Long> orgs = new HashSet<>();
        for (var line : event.after().lines()) {
            AccountRef ref = AccountRef.parse(line.accountCode());
            if (ref.ownerId() != null) {
                orgs.add(ref.ownerId());
            }
            if (ref.purpose().aboutAnElevator() && ref.partyId() != null) {
                news(new ElevatorId(ref.partyId()), false);
            }
        }
        orgs.addAll(ofType(OrganizationType.REGULATOR));
        mark(orgs);
    }

    @Listen
    void on(PensionCaseChanged event) {
        news(new ElevatorId(event.after().elevatorId()), false);
        mark(List.of(event.after().insurerId()));
    }

    @Listen
    void on(QualityScoresComputed event) {
        quality();
    }

    @Listen
    void on(QualityPeriodClosed event) {
        quality();
    }

    /**
     * Heard on the publisher's thread, inside its transaction; what changed is noted once the transaction commits
     * (see {@link #afterCommit}). Not a transactional event listener: Spring Modulith would store an event
     * publication for each of those (an insert and an update per event and listener), and nothing here needs one,
     * as events missed in a crash are caught up by the rebuild at start-up.
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @EventListener
    @interface Listen {
    }

    /** Runs once the current transaction has committed (never if it rolls back), or at once outside one. */
    private static void afterCommit(Runnable noting) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    noting.run();
                }
            });
        }
        else {
            noting.run();
        }
    }

    /** New or frozen scores move the regulators' ranking and every company's own score and rank. */
    private void quality() {
        List<Long> orgs = new ArrayList<>(ofType(OrganizationType.REGULATOR));
        orgs.addAll(ofType(OrganizationType.MAINTENANCE_COMPANY));
        mark(orgs);
    }

    private void invoice(long insurer, long useUnit) {
        Set<Long> orgs = new HashSet<>(List.of(insurer, useUnit));
        orgs.addAll(ofType(OrganizationType.REGULATOR));
        orgs.addAll(ofType(OrganizationType.OWNERS_COMMITTEE));
        mark(orgs);
    }

    // ---- who sees an elevator -------------------------------------------------------------------------------------

    /**
     * News about an elevator, for the worker to route to the organisations that see it. Insurers see every elevator
     * of their region, but only its registered facts are on their boards; its visits, incidents and claims move an
     * insurer's board only when they are its own (marked by the caller).
     */
    private void news(ElevatorId elevator, boolean insurersToo) {
        if (!ready.get()) {
            return; // the rebuild at readiness covers it
        }
        afterCommit(() -> {
            elevatorNews.merge(elevator.value(), insurersToo, Boolean::logicalOr);
            schedule();
        });
    }

    /** The organisations whose scope holds each elevator: the same rules as {@code RegistryScope}, for many at once. */
    Set<Long> audience(Map<Long, Boolean> news) {
        Set<Long> orgs = new HashSet<>();
        List<Long> ids = new ArrayList<>(news.keySet());
        List<OrganizationView> readers = dashboards();
        for (int from = 0; from < ids.size(); from += 1_000) {
            for (ElevatorParties e : elevators.parties(ids.subList(from, Math.min(ids.size(), from + 1_000)))) {
                boolean insurersToo = news.get(e.elevatorId());
                for (OrganizationView org : readers) {
                    if (org.type() == OrganizationType.INSURER && !insurersToo) {
                        continue;
                    }
                    Scope scope = BoardComposer.scopeOf(org);
                    long id = org.id().value();
                    boolean sees = switch (scope.reach()) {
                        case ALL -> true;
                        case REGION -> scope.region().covers(e.districtCode());
                        case MAINTAINED_ELEVATORS -> e.maintenanceCompanyId() != null && id == e.maintenanceCompanyId();
                        case OWN_COMMUNITIES -> id == e.useUnitId()
                                || (e.ownersCommitteeId() != null && id == e.ownersCommitteeId());
                    };
                    if (sees) {
                        orgs.add(id);
                    }
                }
            }
        }
        return orgs;
    }

    /** Every organisation (each has a dashboard), read afresh at most every few seconds. */
    private List<OrganizationView> dashboards() {
        Cached cached = orgCache;
        if (cached != null && System.nanoTime() - cached.at() < TimeUnit.SECONDS.toNanos(5)) {
            return cached.orgs();
        }
        List<OrganizationView> all = new ArrayList<>();
        for (OrganizationType type : OrganizationType.values()) {
            all.addAll(organizations.ofType(Scope.SYSTEM, type).stream()
                    .filter(o -> RegionCode.isValid(o.regionCode())).toList());
        }
        orgCache = new Cached(System.nanoTime(), List.copyOf(all));
        return all;
    }

    private record Cached(long at, List<OrganizationView> orgs) {
    }

    private volatile Cached orgCache;

    private List<Long> ofType(OrganizationType type) {
        return dashboards().stream().filter(o -> o.type() == type).map(o -> o.id().value()).toList();
    }

    // ---- the worker -----------------------------------------------------------------------------------------------

    void mark(Collection<Long> orgs) {
        if (orgs.isEmpty()) {
            return;
        }
        afterCommit(() -> {
            dirty.addAll(orgs);
            schedule();
        });
    }

    private void schedule() {
        if (ready.get() && scheduled.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Whether nothing is marked or being recomputed (tests wait for this before they measure). */
    boolean idle() {
        return ready.get() && dirty.isEmpty() && elevatorNews.isEmpty() && !scheduled.get() && !working.get();
    }

    private volatile long lastPassEnded;

    private void drain() {
        try {
            long rested = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastPassEnded);
            long rest = lastPassEnded == 0 ? 0 : 2 * TimeUnit.NANOSECONDS.toMillis(lastPassNanos) - rested;
            Thread.sleep(Math.max(COALESCE_MS, Math.min(MAX_REST_MS, rest)));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        working.set(true);
        scheduled.set(false);
        long passStarted = System.nanoTime();
        try {
            if (!elevatorNews.isEmpty()) {
                Map<Long, Boolean> news = new HashMap<>(elevatorNews);
                news.forEach(elevatorNews::remove);
                dirty.addAll(audience(news));
            }
            if (!dirty.isEmpty()) {
                List<Long> batch = new ArrayList<>(dirty);
                dirty.removeAll(batch);
                Map<OrganizationId, OrganizationView> orgs = organizations.byIds(batch.stream().map(OrganizationId::new).toList());
                // the quickest first: at a city's scale a regulator's board takes tens of seconds, and a use unit's
                // board marked by the same event would otherwise wait for it
                List<OrganizationView> ordered = new ArrayList<>(orgs.values());
                ordered.sort(Comparator.comparingLong(o -> lastTookMs.getOrDefault(o.id().value(), 0L)));
                long start = System.nanoTime();
                for (OrganizationView org : ordered) {
                    refresh(org);
                }
                log.info("Dashboards refreshed: {} in {} ms", orgs.size(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }
        finally {
            lastPassEnded = System.nanoTime();
            lastPassNanos = lastPassEnded - passStarted;
            working.set(false);
            if ((!dirty.isEmpty() || !elevatorNews.isEmpty()) && scheduled.compareAndSet(false, true)) {
                worker.execute(this::drain);
            }
        }
    }

    /** How long each organisation's board took last time, so that a pass can compute the quickest first. */
    private final Map<Long, Long> lastTookMs = new ConcurrentHashMap<>();

    /** Recomputes one organisation's dashboard now, on the caller's thread. */
    Board refresh(OrganizationView org) {
        long start = System.nanoTime();
        try {
            Board board = composer.live(org);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            lastTookMs.put(org.id().value(), took);
            store.save(org.id().value(), org.type(), board, took);
            return board;
        }
        catch (RuntimeException e) {
            log.warn("Dashboard of organisation {} not computed: {}", org.id().value(), e.toString(), e);
            return null;
        }
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }
}
