package cn.liftcare.identity;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.liftcare.support.LiftCareTest;
import cn.liftcare.support.MutableClock;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in by form and HTTP Basic, CSRF on pages, hashed passwords, lockout, and bearer tokens. */
@LiftCareTest
class SignInIT {

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organizations;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String newUser(String name) {
        long org = jdbc.sql("SELECT id FROM organization WHERE short_name = '运河电梯'").query(Long.class).single();
        if (users.byUsername(name).isEmpty()) {
            users.open(new NewUser(new OrganizationId(org), name, "测试", "correct-horse", null, Set.of(Role.MAINTAINER)));
        }
        return name;
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        newUser("hashcheck");
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'hashcheck'").query(String.class).single();
        assertThat(hash).startsWith("$2a$").doesNotContain("correct-horse");
    }

    @Test
    void theFormSignsInWithCsrfAndWithoutItIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "regulator").param("password", "liftcare"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", "regulator").param("password", "liftcare"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("username", "regulator").param("password", "nope"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhile() throws Exception {
        String user = newUser("locktest");
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(user, "wrong"))).andExpect(status().isUnauthorized());
        }
        // now even the right password is refused, by form and by API
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "correct-horse")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("账户锁定"));
        mvc.perform(post("/login").with(csrf()).param("username", user).param("password", "correct-horse"))
                .andExpect(redirectedUrl("/login?locked"));
        clock.advance(Duration.ofMinutes(16));
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "correct-horse")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(user));
    }

    @Test
    void aSuccessfulSignInResetsTheCount() throws Exception {
        String user = newUser("resettest");
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(user, "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "correct-horse"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "correct-horse"))).andExpect(status().isOk());
    }

    @Test
    void anAdministratorCanLiftALock() throws Exception {
        String user = newUser("unlocktest");
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(user, "wrong")));
        }
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "correct-horse"))).andExpect(status().isUnauthorized());
        users.unlock(users.byUsername(user).orElseThrow().id());
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "correct-horse"))).andExpect(status().isOk());
    }

    @Test
    void aBearerTokenStandsInForThePassword() throws Exception {
        String issued = mvc.perform(post("/api/v1/auth/tokens").with(httpBasic("insurer", "liftcare"))
                        .contentType("application/json").content("{\"name\":\"bench\",\"validDays\":1}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = json.readTree(issued).get("token").asString();
        assertThat(token).startsWith("lct_");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = encode(sha256(convert_to(:t, 'UTF8')), 'hex')")
                .param("t", token).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("insurer"))
                .andExpect(jsonPath("$.reach").value("REGION"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer lct_forged"))
                .andExpect(status().isUnauthorized());
        clock.advance(Duration.ofDays(2));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }
}
