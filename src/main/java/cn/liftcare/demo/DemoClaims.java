package cn.liftcare.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.claims.Adjusting;
import cn.liftcare.claims.ClaimDesk;
import cn.liftcare.claims.ClaimId;
import cn.liftcare.claims.ClaimStatus;
import cn.liftcare.claims.ClaimView;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.IncidentId;
import cn.liftcare.incidents.RepairOrderId;
import cn.liftcare.incidents.RepairWork;
import cn.liftcare.shared.Money;

/**
 * The claims of the demo year, taken over as the insurer received them: every completed repair with parts on an
 * insured elevator, and every entrapment on one, decided by the rules when it came in. The adjuster has since
 * settled a few of the referred ones (capped at the guide price, or declined); the rest wait in the queue.
 */
@Component
class DemoClaims {

    static final String SEED = "claims-2025";
    private static final Logger log = LoggerFactory.getLogger(DemoClaims.class);

    private final ClaimDesk desk;
    private final Adjusting adjusting;
    private final RepairWork repairs;
    private final JdbcClient jdbc;
    private final DemoSeeds seeds;
    private final cn.liftcare.identity.UserDirectory users;
    private final cn.liftcare.identity.OrganizationDirectory organizations;

    DemoClaims(ClaimDesk desk, Adjusting adjusting, RepairWork repairs, JdbcClient jdbc, DemoSeeds seeds,
            cn.liftcare.identity.UserDirectory users, cn.liftcare.identity.OrganizationDirectory organizations) {
        this.organizations = organizations;
        this.desk = desk;
        this.adjusting = adjusting;
        this.repairs = repairs;
        this.jdbc = jdbc;
        this.seeds = seeds;
        this.users = users;
    }

    @Transactional
    boolean seedOnce() {
        return seeds.runOnce(SEED, DemoPolicies.SEED, this::seed);
    }

    private void seed() {
        // repair orders and entrapments the demo imported, in the order they happened
        List<Object[]> sources = jdbc.sql("""
                SELECT 'R', r.id, r.completed_at FROM repair_order r
                WHERE r.status = 'COMPLETED' AND EXISTS (SELECT 1 FROM repair_order_part p WHERE p.repair_order_id = r.id)
                UNION ALL
                SELECT 'E', i.id, i.released_at FROM incident i WHERE i.type = 'ENTRAPMENT' AND i.released_at IS NOT NULL
                ORDER BY 3""").query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2),
                        rs.getTimestamp(3).toInstant()}).list();
        int opened = 0;
        for (Object[] s : sources) {
            Instant received = ((Instant) s[2]).plus(Duration.ofMinutes(20));
            boolean claimed = "R".equals(s[0])
                    ? desk.fromRepairOrder(repairs.visibleOrder(Scope.SYSTEM, new RepairOrderId((Long) s[1])).view(),
                            received).isPresent()
                    : desk.fromEntrapment(new IncidentId((Long) s[1]), received).isPresent();
            opened += claimed ? 1 : 0;
        }
        Scope adjuster = adjuster();
        List<Object[]> referred = jdbc.sql("""
                SELECT c.id, c.assessed, EXISTS (SELECT 1 FROM claim_finding f WHERE f.claim_id = c.id AND f.rule = 'price'
                                                 AND f.result = 'REFER')
                FROM claim c WHERE c.status = 'REFERRED' AND c.insurer_id = :insurer ORDER BY c.submitted_at""")
                .param("insurer", adjuster.orgId())
                .query((rs, i) -> new Object[] {rs.getLong(1), Money.of(rs.getBigDecimal(2)), rs.getBoolean(3)}).list();
        int settled = 0;
        for (int i = 0; i < referred.size() && settled < referred.size() * 2 / 3; i++) {
            Object[] r = referred.get(i);
            ClaimId id = new ClaimId((Long) r[0]);
            boolean price = (Boolean) r[2];
            ClaimView decided = adjusting.decide(adjuster, id, price
                    ? new Adjusting.Decision(Adjusting.Action.ADJUST, (Money) r[1],
                            "报价远高于指导价，按指导价及定额工时核定 / capped at the guide price and labour norm", null)
                    : i % 5 == 4 ? new Adjusting.Decision(Adjusting.Action.DECLINE, null,
                            "维修前后照片缺失，补充材料逾期未交 / photos never supplied", null)
                            : new Adjusting.Decision(Adjusting.Action.APPROVE, (Money) r[1],
                                    "补充了现场照片，核实无误 / evidence supplied and checked", null));
            settled += decided.status() == ClaimStatus.PAID || decided.status() == ClaimStatus.DECLINED ? 1 : 0;
        }
        log.info("Demo claims seeded: {} claims, {} referred ones settled by the adjuster", opened, settled);
    }

    /** The demo insurer's adjuster (`insurer`), acting in the insurer's region. */
    private Scope adjuster() {
        cn.liftcare.identity.UserDirectory.UserRow user = users.list(Scope.SYSTEM).stream()
                .filter(u -> u.username().equals("insurer")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo insurer's adjuster is missing"));
        var org = organizations.byIds(List.of(user.organizationId())).get(user.organizationId());
        return new Scope(user.id(), user.username(), user.organizationId(), user.organizationType(),
                new cn.liftcare.shared.RegionCode(org.regionCode()), user.roles());
    }
}
