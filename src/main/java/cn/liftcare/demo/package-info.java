/**
 * The demo district, 拱墅区: organisations, users, communities and about 1,000 elevators, generated once
 * on first start from a fixed seed, through the other modules' public APIs only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package cn.liftcare.demo;
