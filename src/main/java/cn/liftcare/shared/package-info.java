/**
 * Value types and plumbing every module uses: Money, typed identifiers, the clock and civil dates,
 * problem responses, the embedded database, the caller as an actor.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.liftcare.shared;
