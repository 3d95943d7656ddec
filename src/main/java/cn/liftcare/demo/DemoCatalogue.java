package cn.liftcare.demo;

import java.util.List;

/**
 * The fixed facts of the demo district: its communities (those named in the Gongshu reports, plus
 * typical neighbours), the brands found in an old Hangzhou district, and the maintenance companies.
 */
final class DemoCatalogue {

    private DemoCatalogue() {
    }

    record Site(String name, String street, int builtYear, int elevators, int floors, Kind kind) {
    }

    enum Kind {
        /** Residential high-rise, elevators since it was built. */
        RESIDENTIAL,
        /** An old walk-up whose elevators were added later (加装电梯). */
        RETROFIT,
        /** A shopping centre with escalators and lifts. */
        COMMERCIAL
    }

    record Brand(String name, String model, String maker) {
    }

    record Company(String name, String shortName, String licence) {
    }

    static final String XIAOHE = "小河佳苑";

    static final List<Site> SITES = List.of(
            new Site(XIAOHE, "小河街道", 2006, 94, 18, Kind.RESIDENTIAL),
            new Site("湖墅嘉园", "湖墅街道", 2004, 72, 18, Kind.RESIDENTIAL),
            new Site("金星桃源居", "祥符街道", 2008, 60, 24, Kind.RESIDENTIAL),
            new Site("清水公寓", "米市巷街道", 2003, 36, 15, Kind.RESIDENTIAL),
            new Site("墨香苑", "小河街道", 2009, 48, 26, Kind.RESIDENTIAL),
            new Site("大浒东苑", "小河街道", 2007, 40, 18, Kind.RESIDENTIAL),
            new Site("青莎阁", "米市巷街道", 2007, 4, 16, Kind.RESIDENTIAL),
            new Site("天时苑", "湖墅街道", 1996, 10, 7, Kind.RETROFIT),
            new Site("和睦新村", "大关街道", 1994, 30, 6, Kind.RETROFIT),
            new Site("德胜新村", "米市巷街道", 2002, 48, 12, Kind.RESIDENTIAL),
            new Site("大关苑", "大关街道", 2001, 56, 14, Kind.RESIDENTIAL),
            new Site("运河宸园", "拱宸桥街道", 2015, 120, 30, Kind.RESIDENTIAL),
            new Site("上塘嘉苑", "上塘街道", 2012, 84, 26, Kind.RESIDENTIAL),
            new Site("康桥花园", "康桥街道", 2016, 88, 28, Kind.RESIDENTIAL),
            new Site("半山和苑", "半山街道", 2019, 130, 33, Kind.RESIDENTIAL),
            new Site("祥符桥新苑", "祥符街道", 2010, 44, 18, Kind.RESIDENTIAL),
            new Site("运河商业中心", "拱宸桥街道", 2013, 40, 5, Kind.COMMERCIAL));

    static final List<Brand> BRANDS = List.of(
            new Brand("奥的斯", "GeN2", "奥的斯电梯（中国）有限公司"),
            new Brand("三菱", "ELENESSA", "上海三菱电梯有限公司"),
            new Brand("日立", "MCA", "日立电梯（中国）有限公司"),
            new Brand("通力", "MonoSpace", "通力电梯有限公司"),
            new Brand("迅达", "3300", "迅达（中国）电梯有限公司"),
            new Brand("蒂森克虏伯", "evolution", "蒂森克虏伯电梯（上海）有限公司"),
            new Brand("西子奥的斯", "GeN2-Life", "西子奥的斯电梯有限公司"),
            new Brand("康力", "KLK2", "康力电梯股份有限公司"),
            new Brand("东芝", "SPACEL", "东芝电梯（中国）有限公司"),
            new Brand("西奥", "XO-STAR", "杭州西奥电梯有限公司"),
            new Brand("富士达", "FJK8000", "杭州富士达电梯有限公司"),
            new Brand("永大", "YP-VF", "永大电梯设备（中国）有限公司"));

    static final List<Company> COMPANIES = List.of(
            new Company("杭州运河电梯工程有限公司", "运河电梯", "TS3433101-2027"),
            new Company("浙江恒安电梯服务有限公司", "恒安电梯", "TS3433215-2028"),
            new Company("杭州顺达电梯维保有限公司", "顺达维保", "TS3433088-2026"),
            new Company("杭州安捷电梯技术有限公司", "安捷电梯", "TS3433172-2027"),
            new Company("杭州通衢电梯设备有限公司", "通衢电梯", "TS3433230-2028"),
            new Company("浙江优迈电梯工程有限公司", "优迈电梯", "TS3433057-2026"),
            new Company("杭州鼎力电梯服务有限公司", "鼎力电梯", "TS3433196-2027"),
            new Company("杭州北辰电梯维修有限公司", "北辰电梯", "TS3433264-2028"));
}
