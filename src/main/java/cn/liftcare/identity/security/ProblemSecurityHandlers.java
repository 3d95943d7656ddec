package cn.liftcare.identity.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 on the API as RFC 9457 problem+json, like every other API error. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemSecurityHandlers(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"LiftCare\"");
        String key = e instanceof LockedException ? "problem.locked" : "problem.unauthenticated";
        write(request, response, 401, "unauthenticated", key);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, 403, "forbidden", "problem.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String key)
            throws IOException {
        var locale = locales.resolveLocale(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://liftcare.cn/problems/" + type);
        body.put("title", messages.getMessage(key + ".title", null, key, locale));
        body.put("status", status);
        body.put("detail", messages.getMessage(key, null, key, locale));
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
