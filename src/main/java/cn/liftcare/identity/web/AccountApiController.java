package cn.liftcare.identity.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.security.ApiTokens;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Account", description = "The caller, and API tokens")
class AccountApiController {

    private final ApiTokens tokens;

    AccountApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/me")
    @Operation(summary = "Who the caller is, and so what it may see")
    Me me(Scope scope) {
        return new Me(scope.username(), scope.organizationId().value(), scope.organizationType(),
                scope.region().value(), scope.roles(), scope.reach());
    }

    @PostMapping("/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a bearer token (send it as `Authorization: Bearer lct_…`)",
            description = "Authenticate this call with HTTP Basic. The token is shown once; only its SHA-256 is "
                    + "stored. It expires after `validDays` (at most 90, default 30).")
    Token issue(Scope scope, @RequestBody(required = false) TokenRequest request) {
        int days = request == null || request.validDays() == null ? 30 : request.validDays();
        var issued = tokens.issue(scope.userId().value(), request == null ? null : request.name(), Duration.ofDays(days));
        return new Token(issued.token(), issued.expiresAt());
    }

    record Me(String username, long organizationId, OrganizationType organizationType, String regionCode,
            Set<Role> roles, Scope.Reach reach) {
    }

    record TokenRequest(String name, Integer validDays) {
    }

    record Token(String token, Instant expiresAt) {
    }
}
