package cn.liftcare.identity.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two chains. The JSON API under /api is stateless: HTTP Basic or a bearer token, no session, so no
 * CSRF exposure. Pages sign in with a form and a session, with CSRF protection on.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PAGES = {"/login", "/p/**", "/t/**", "/webjars/**", "/css/**", "/js/**", "/img/**",
            "/favicon.ico", "/error", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health"};

    /** bcrypt at cost 10 by default; tests lower it to keep hundreds of sign-ins fast. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${liftcare.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        return new ProblemSecurityHandlers(messages, locales, json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, LiftCareUserDetailsService users,
            ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/public/**").permitAll()
                        // machine alarms authenticate by their own device or integration key
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/incidents/alarms").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiTokenFilter(users, problems), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl("/login?error");
        failure.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failure)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(h -> h.frameOptions(f -> f.deny()));
        return http.build();
    }
}
