package cn.liftcare.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The chain verifies, and a row altered or removed behind the application's back is caught. */
@LiftCareTest
class AuditChainIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired AuditVerifier verifier;
    @Autowired TransactionTemplate tx;
    @Autowired AuditLog log;

    @Test
    void theDemoDistrictLeavesAnIntactChain() throws Exception {
        long entries = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
        mvc.perform(get("/api/v1/audit/verify").with(users.as("regulator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.entries").value(org.hamcrest.Matchers.greaterThanOrEqualTo((int) entries)))
                .andExpect(jsonPath("$.firstBroken").doesNotExist());
    }

    @Test
    void theApplicationCannotRewriteTheLog() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'x' WHERE id = (SELECT min(id) FROM audit_entry)")
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_seal SET hash = 'x' WHERE position = 1").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aRowAlteredDirectlyInTheDatabaseIsDetected() {
        verifier.verify(); // everything written so far sealed
        long victim = jdbc.sql("SELECT id FROM audit_entry WHERE entity_type = 'elevator' ORDER BY id LIMIT 1 OFFSET 10")
                .query(Long.class).single();
        String original = jdbc.sql("SELECT after_state FROM audit_entry WHERE id = :id").param("id", victim)
                .query(String.class).single();
        try {
            tamper("UPDATE audit_entry SET after_state = replace(after_state, '\"stops\":', '\"stops\":1') WHERE id = " + victim);
            AuditVerifier.Result result = verifier.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(victim);
        }
        finally {
            tamper("UPDATE audit_entry SET after_state = '" + original.replace("'", "''") + "' WHERE id = " + victim);
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void aDeletedEntryIsFoundAtItsSealAndADeletedSealAtTheNextLink() {
        long victim = jdbc.sql("SELECT entry_id FROM audit_seal ORDER BY position LIMIT 1 OFFSET 5").query(Long.class).single();
        long next = jdbc.sql("SELECT entry_id FROM audit_seal WHERE position = (SELECT position + 1 FROM audit_seal "
                + "WHERE entry_id = :id)").param("id", victim).query(Long.class).single();
        var entry = jdbc.sql("SELECT * FROM audit_entry WHERE id = :id").param("id", victim).query().singleRow();
        var seal = jdbc.sql("SELECT * FROM audit_seal WHERE entry_id = :id").param("id", victim).query().singleRow();
        try {
            tamper("DELETE FROM audit_entry WHERE id = " + victim);
            assertThat(verifier.verify().firstBroken()).isEqualTo(victim);
            tamper("DELETE FROM audit_seal WHERE entry_id = " + victim);
            assertThat(verifier.verify().firstBroken()).isEqualTo(next);
        }
        finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
                jdbc.sql("ALTER TABLE audit_seal DISABLE TRIGGER USER").update();
                jdbc.sql("""
                        INSERT INTO audit_entry (id, occurred_at, actor, organization_id, action, entity_type, entity_id,
                                                 before_state, after_state)
                        VALUES (:id, :occurred_at, :actor, :organization_id, :action, :entity_type, :entity_id,
                                :before_state, :after_state) ON CONFLICT (id) DO NOTHING""").params(entry).update();
                jdbc.sql("""
                        INSERT INTO audit_seal (position, entry_id, prev_hash, hash, sealed_at)
                        VALUES (:position, :entry_id, :prev_hash, :hash, :sealed_at) ON CONFLICT DO NOTHING""")
                        .params(seal).update();
                jdbc.sql("ALTER TABLE audit_seal ENABLE TRIGGER USER").update();
                jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
            });
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void anEntryWrittenBehindTheApplicationsBackIsNeverSealedAndIsFound() {
        long forged = jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor, organization_id, action, entity_type, entity_id, after_state)
                VALUES (now(), 'mallory', NULL, 'UPDATE', 'claim', '1', '{}') RETURNING id""").query(Long.class).single();
        try {
            AuditVerifier.Result result = verifier.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(forged);
        }
        finally {
            tamper("DELETE FROM audit_entry WHERE id = " + forged);
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void concurrentWritersAreSealedIntoOneUnbrokenChain() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM audit_seal").query(Long.class).single();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                done.add(pool.submit(() -> tx.executeWithoutResult(s -> log.append(
                        new cn.liftcare.shared.Actor("writer" + n, null), "UPDATE", "test", String.valueOf(n), null, "{}"))));
            }
            for (var f : done) {
                f.get();
            }
        }
        finally {
            pool.shutdown();
        }
        // sealed within a moment, without anyone asking
        long deadline = System.currentTimeMillis() + 5_000;
        while (jdbc.sql("SELECT count(*) FROM audit_pending").query(Long.class).single() > 0) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_seal").query(Long.class).single()).isGreaterThanOrEqualTo(before + 40);
        assertThat(jdbc.sql("SELECT max(position) - min(position) + 1 = count(*) FROM audit_seal").query(Boolean.class)
                .single()).isTrue();
        assertThat(verifier.verify().valid()).isTrue();
    }

    /** What an attacker with database access would do: switch the guard off, change history, switch it on. */
    private void tamper(String sql) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
            jdbc.sql("ALTER TABLE audit_seal DISABLE TRIGGER USER").update();
            jdbc.sql(sql).update();
            jdbc.sql("ALTER TABLE audit_seal ENABLE TRIGGER USER").update();
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
        });
    }
}
