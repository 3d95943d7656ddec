/**
 * The parties of the insurance model: organisations (with their 统一社会信用代码), users, roles, sign-in
 * with lockout, API tokens, and the caller's {@link cn.liftcare.identity.Scope}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package cn.liftcare.identity;
