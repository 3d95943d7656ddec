/**
 * The elevator registry: 区 → 街道 → 小区 → 幢 → 单元 → elevator, scoped per party; QR codes and the
 * public elevator page; Excel import and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package cn.liftcare.registry;
