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
    }

    @Test
    void aRowAlteredDirectlyInTheDatabaseIsDetected() {
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
    void aDeletedRowBreaksTheLinkOfTheNext() {
        long victim = jdbc.sql("SELECT id FROM audit_entry ORDER BY id LIMIT 1 OFFSET 5").query(Long.class).single();
        long next = jdbc.sql("SELECT min(id) FROM audit_entry WHERE id > :id").param("id", victim).query(Long.class).single();
        var row = jdbc.sql("SELECT * FROM audit_entry WHERE id = :id").param("id", victim).query().singleRow();
        try {
            tamper("DELETE FROM audit_entry WHERE id = " + victim);
            assertThat(verifier.verify().firstBroken()).isEqualTo(next);
        }
        finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
                jdbc.sql("""
                        INSERT INTO audit_entry (id, occurred_at, actor, organization_id, action, entity_type, entity_id,
                                                 before_state, after_state, prev_hash, hash)
                        VALUES (:id, :occurred_at, :actor, :organization_id, :action, :entity_type, :entity_id,
                                :before_state, :after_state, :prev_hash, :hash)""").params(row).update();
                jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
            });
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    /** What an attacker with database access would do: switch the guard off, change history, switch it on. */
    private void tamper(String sql) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
            jdbc.sql(sql).update();
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
        });
    }
}
