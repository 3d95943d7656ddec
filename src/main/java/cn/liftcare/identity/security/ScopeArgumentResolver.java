package cn.liftcare.identity.security;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.liftcare.identity.CurrentScope;
import cn.liftcare.identity.Scope;

/** Lets any controller method declare a {@link Scope} parameter. */
@Configuration(proxyBeanMethods = false)
class ScopeArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final CurrentScope currentScope;

    ScopeArgumentResolver(CurrentScope currentScope) {
        this.currentScope = currentScope;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Scope.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return currentScope.get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("sign in first"));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
