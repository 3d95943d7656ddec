package cn.liftcare.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import cn.liftcare.identity.CreditCode;

/**
 * Prepares a benchmark database: {@code reset URL} drops and recreates it; {@code elevators URL N} fills
 * it (after LiftCare has migrated it and seeded the demo district) up to N elevators across Hangzhou's
 * districts, with their communities, buildings, units and parties. Deterministic from a fixed seed.
 */
public final class BenchDatabase {

    static final String[][] DISTRICTS = {{"330102", "上城区"}, {"330105", "拱墅区"}, {"330106", "西湖区"},
            {"330108", "滨江区"}, {"330109", "萧山区"}, {"330110", "余杭区"}, {"330111", "富阳区"},
            {"330112", "临安区"}, {"330113", "临平区"}, {"330114", "钱塘区"}};
    static final String[] BRANDS = {"奥的斯", "三菱", "日立", "通力", "迅达", "蒂森克虏伯", "西子奥的斯", "康力", "东芝", "西奥",
            "富士达", "永大"};
    static final int COMMUNITY_SIZE = 100;

    private BenchDatabase() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "reset" -> reset(args[1]);
            case "elevators" -> fill(args[1], Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("reset URL | elevators URL N");
        }
    }

    static void reset(String url) throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
        System.out.println("bench database " + database + " is empty");
    }

    static void fill(String url, int target) throws SQLException {
        SplittableRandom random = new SplittableRandom(2024);
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            long existing = single(c, "SELECT count(*) FROM elevator");
            long missing = Math.max(0, target - existing);
            int communities = (int) ((missing + COMMUNITY_SIZE - 1) / COMMUNITY_SIZE);
            long started = System.nanoTime();
            int serial = 0;
            for (int i = 0; i < communities; i++) {
                String[] district = DISTRICTS[i % DISTRICTS.length];
                long districtId = district(c, district[0], district[1]);
                long street = street(c, districtId, "第" + (i % 7 + 1) + "街道");
                long useUnit = organization(c, "USE_UNIT", "杭州基准" + i + "物业有限公司", district[0], null, random);
                long maintainer = maintainer(c, district[0], i % 12, random);
                long community = insert(c, """
                        INSERT INTO community (street_id, district_id, name, use_unit_id, created_at, version)
                        VALUES (?, ?, ?, ?, now(), 0) RETURNING id""", street, districtId, "基准小区" + i, useUnit);
                int size = (int) Math.min(COMMUNITY_SIZE, missing - (long) i * COMMUNITY_SIZE);
                serial = elevators(c, community, districtId, district[0], useUnit, maintainer, serial, size, random);
                if (i % 100 == 99) {
                    c.commit();
                    System.out.printf("  %d communities, %d elevators added%n", i + 1, serial);
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE"); // what autovacuum does to a table this size within minutes
            }
            System.out.printf("bench database holds %d elevators (%d added in %d s)%n",
                    single(c, "SELECT count(*) FROM elevator"), serial, (System.nanoTime() - started) / 1_000_000_000);
        }
    }

    /** A community of 10 buildings x 2 units x 5 elevators (the last one maybe fewer), in one batch. */
    private static int elevators(Connection c, long community, long districtId, String districtCode, long useUnit,
            long maintainer, int serial, int size, SplittableRandom random) throws SQLException {
        List<Long> units = new ArrayList<>();
        for (int b = 1; b <= 10; b++) {
            long building = insert(c, "INSERT INTO building (community_id, name, version) VALUES (?, ?, 0) RETURNING id",
                    community, b + "幢");
            for (int u = 1; u <= 2; u++) {
                units.add(insert(c, """
                        INSERT INTO building_unit (building_id, community_id, name, version) VALUES (?, ?, ?, 0)
                        RETURNING id""", building, community, u + "单元"));
            }
        }
        int builtYear = 2001 + random.nextInt(24);
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO elevator (registration_code, emergency_code, type, brand, model, manufacture_date,
                    commissioning_date, stops, rated_load_kg, rated_speed, use_category, unit_id, community_id,
                    district_id, use_unit_id, maintenance_company_id, status, last_inspection_date,
                    next_inspection_due, created_at, updated_at, version)
                VALUES (?, ?, 'TRACTION', ?, 'M', ?, ?, ?, 1000, 1.75, 'RESIDENTIAL', ?, ?, ?, ?, ?, ?, ?, ?, now(), now(), 0)""")) {
            for (int i = 0; i < size; i++) {
                int s = ++serial;
                java.time.LocalDate commissioned = java.time.LocalDate.of(builtYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
                if (commissioned.isAfter(java.time.LocalDate.now().minusDays(30))) {
                    commissioned = java.time.LocalDate.now().minusDays(30);
                }
                java.time.LocalDate inspected = java.time.LocalDate.now().minusDays(5 + random.nextInt(350));
                p.setString(1, "3110" + districtCode + "1990" + String.format("%06d", s));
                p.setString(2, String.valueOf(20_000_000 + s));
                p.setString(3, BRANDS[(i / 10 + (int) community) % BRANDS.length]);
                p.setObject(4, commissioned.minusMonths(3));
                p.setObject(5, commissioned);
                p.setInt(6, 6 + random.nextInt(28));
                p.setLong(7, units.get(i / 5));
                p.setLong(8, community);
                p.setLong(9, districtId);
                p.setLong(10, useUnit);
                p.setLong(11, maintainer);
                p.setString(12, random.nextInt(100) == 0 ? "SUSPENDED" : "IN_SERVICE");
                p.setObject(13, inspected);
                p.setObject(14, inspected.plusYears(1));
                p.addBatch();
            }
            p.executeBatch();
        }
        return serial;
    }

    private static long district(Connection c, String code, String name) throws SQLException {
        Long id = optional(c, "SELECT id FROM district WHERE code = ?", code);
        return id != null ? id : insert(c, """
                INSERT INTO district (code, name, city_name, urban, version) VALUES (?, ?, '杭州市', true, 0) RETURNING id""",
                code, name);
    }

    private static long street(Connection c, long district, String name) throws SQLException {
        Long id = optional(c, "SELECT id FROM street WHERE district_id = ? AND name = ?", district, name);
        return id != null ? id : insert(c, "INSERT INTO street (district_id, name, version) VALUES (?, ?, 0) RETURNING id",
                district, name);
    }

    private static long maintainer(Connection c, String district, int n, SplittableRandom random) throws SQLException {
        String name = "杭州基准电梯工程" + district + "-" + n + "有限公司";
        Long id = optional(c, "SELECT id FROM organization WHERE name = ?", name);
        return id != null ? id : organization(c, "MAINTENANCE_COMPANY", name, district, "TS3433" + n + "-2028", random);
    }

    private static long organization(Connection c, String type, String name, String region, String licence,
            SplittableRandom random) throws SQLException {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("91").append(region).append("MB");
        for (int i = 0; i < 7; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        code.append(CreditCode.checkCharacter(code.toString()));
        return insert(c, """
                INSERT INTO organization (type, name, credit_code, licence_no, region_code, created_at, version)
                VALUES (?, ?, ?, ?, ?, now(), 0) ON CONFLICT (credit_code) DO NOTHING RETURNING id""",
                type, name, code.toString(), licence, region);
    }

    private static long insert(Connection c, String sql, Object... args) throws SQLException {
        Long id = optional(c, sql, args);
        if (id == null) {
            throw new IllegalStateException("nothing inserted: " + sql);
        }
        return id;
    }

    private static Long optional(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
