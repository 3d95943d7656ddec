package cn.liftcare.registry;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationManagement;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.District.DistrictView;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Imports an .xlsx of elevators, all or nothing: the whole file is checked, and any problem in any row
 * rejects the file with a report of every problem. Communities named in the file that do not exist yet
 * are created in the same transaction, so a rejected file leaves nothing behind.
 */
@Service
public class ElevatorImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ElevatorImport.class);

    public static final int MAX_ROWS = 50_000;
    public static final Role[] IMPORTERS = {Role.ADMIN, Role.REGULATOR};
    private static final DateTimeFormatter[] DATE_FORMATS = {DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.BASIC_ISO_DATE};

    private final ElevatorRegistry registry;
    private final LocationManagement locations;
    private final OrganizationManagement organizations;
    private final MessageSource messages;

    ElevatorImport(ElevatorRegistry registry, LocationManagement locations, OrganizationManagement organizations,
            MessageSource messages) {
        this.registry = registry;
        this.locations = locations;
        this.organizations = organizations;
        this.messages = messages;
    }

    /**
     * Imports the file or throws {@link ImportRejectedException} (nothing written) or
     * {@link ValidationFailedException} when it is not a readable .xlsx at all.
     */
    @Transactional(rollbackFor = Exception.class)
    public ImportReport importFile(Scope scope, String filename, InputStream input, Locale locale) throws IOException {
        if (!scope.hasAny(IMPORTERS)) {
            throw new org.springframework.security.access.AccessDeniedException("may not import");
        }
        long started = System.nanoTime();
        byte[] bytes = input.readAllBytes();
        checkFileType(filename, bytes);
        Reader reader = new Reader(locale);
        List<ParsedRow> rows;
        try {
            rows = reader.read(SheetReader.read(bytes));
        }
        catch (IOException e) {
            throw new ValidationFailedException(Violation.of("file", "import.file.unreadable"));
        }
        if (!reader.problems.isEmpty()) {
            throw new ImportRejectedException(new ImportReport(rows.size(), 0, reader.problems));
        }
        long read = System.nanoTime();
        List<ElevatorDetails> details = new ArrayList<>();
        for (ParsedRow row : rows) {
            details.add(reader.resolve(scope, row));
        }
        // every rule on every row, so one upload reports everything; a cell already reported is not reported twice
        Set<String> reported = new HashSet<>();
        reader.problems.forEach(p -> {
            reported.add(p.row() + "|" + p.column());
            if (LOCATION_COLUMNS.contains(p.column())) {
                reported.add(p.row() + "|" + SheetColumn.COMMUNITY.header());
            }
        });
        Map<Integer, List<Violation>> violations = registry.checkAll(scope, details, i -> rows.get(i).number());
        violations.forEach((index, list) -> list.forEach(v -> {
            int row = rows.get(index).number();
            if (!reported.contains(row + "|" + columnOf(v.field()))) {
                reader.problem(row, columnOf(v.field()),
                        messages.getMessage(v.messageKey(), v.argsArray(), v.messageKey(), locale));
            }
        }));
        reader.problems.sort(java.util.Comparator.comparingInt(ImportReport.Problem::row));
        if (!reader.problems.isEmpty()) {
            throw new ImportRejectedException(new ImportReport(rows.size(), 0, reader.problems));
        }
        long checked = System.nanoTime();
        registry.registerAll(scope, details);
        log.info("Imported {} elevators from {}: read {} ms, checked {} ms, written {} ms", details.size(), filename,
                (read - started) / 1_000_000, (checked - read) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
        return new ImportReport(rows.size(), details.size(), List.of());
    }

    private static final Set<String> LOCATION_COLUMNS = Set.of(SheetColumn.DISTRICT_CODE.header(),
            SheetColumn.STREET.header(), SheetColumn.USE_UNIT.header());

    private static void checkFileType(String filename, byte[] bytes) {
        boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        boolean ole2 = bytes.length > 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF;
        if (ole2) {
            throw new ValidationFailedException(Violation.of("file", "import.file.xls"));
        }
        if (!zip || (filename != null && !filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"))) {
            throw new ValidationFailedException(Violation.of("file", "import.file.type"));
        }
    }

    private static String columnOf(String field) {
        SheetColumn column = SheetColumn.forField(field);
        return column == null ? field : column.header();
    }

    private record ParsedRow(int number, Map<SheetColumn, String> text, Map<SheetColumn, LocalDate> dates) {
    }

    /** Reads rows into text and dates, and collects problems that need no database. */
    private final class Reader {

        final Locale locale;
        final List<ImportReport.Problem> problems = new ArrayList<>();
        final Map<String, Optional<DistrictView>> districts = new HashMap<>();
        final Map<String, Optional<OrganizationView>> parties = new HashMap<>();
        final Map<String, CommunityId> communities = new HashMap<>();

        Reader(Locale locale) {
            this.locale = locale;
        }

        void problem(int row, String column, String message) {
            problems.add(new ImportReport.Problem(row, column, message));
        }

        void problem(int row, SheetColumn column, String key, Object... args) {
            problem(row, column == null ? "" : column.header(), messages.getMessage(key, args, key, locale));
        }

        List<ParsedRow> read(List<SheetReader.SheetRow> sheet) {
            Map<SheetColumn, Integer> positions = new EnumMap<>(SheetColumn.class);
            if (!sheet.isEmpty()) {
                sheet.get(0).cells().forEach((index, text) -> {
                    for (SheetColumn column : SheetColumn.values()) {
                        if (column.matches(text)) {
                            positions.putIfAbsent(column, index);
                        }
                    }
                });
            }
            List<String> missing = new ArrayList<>();
            for (SheetColumn column : SheetColumn.values()) {
                if (column.required() && !positions.containsKey(column)) {
                    missing.add(column.header());
                }
            }
            if (!missing.isEmpty()) {
                problem(1, null, "import.columns.missing", String.join("、", missing));
                return List.of();
            }
            List<ParsedRow> rows = new ArrayList<>();
            for (SheetReader.SheetRow row : sheet.subList(1, sheet.size())) {
                if (rows.size() == MAX_ROWS) {
                    problem(row.number(), null, "import.rows.tooMany", MAX_ROWS);
                    break;
                }
                rows.add(parse(row, positions));
            }
            if (rows.isEmpty() && problems.isEmpty()) {
                problem(2, null, "import.rows.none");
            }
            return rows;
        }

        private ParsedRow parse(SheetReader.SheetRow row, Map<SheetColumn, Integer> positions) {
            int number = row.number();
            Map<SheetColumn, String> text = new EnumMap<>(SheetColumn.class);
            Map<SheetColumn, LocalDate> dates = new EnumMap<>(SheetColumn.class);
            positions.forEach((column, index) -> {
                String value = row.cells().get(index);
                if (value == null) {
                    return;
                }
                if (isDateColumn(column)) {
                    LocalDate date = date(value);
                    if (date != null) {
                        dates.put(column, date);
                    }
                    else {
                        problem(number, column, "import.date.format", value);
                    }
                }
                else {
                    text.put(column, value);
                }
            });
            return new ParsedRow(number, text, dates);
        }

        /** Turns text into typed details, resolving district, community and parties; creates new communities. */
        ElevatorDetails resolve(Scope scope, ParsedRow row) {
            int n = row.number();
            Map<SheetColumn, String> t = row.text();
            ElevatorType type = enumValue(n, SheetColumn.TYPE, SheetLabels.TYPES, ElevatorType.class, t);
            UseCategory use = enumValue(n, SheetColumn.USE_CATEGORY, SheetLabels.USES, UseCategory.class, t);
            ElevatorStatus status = enumValue(n, SheetColumn.STATUS, SheetLabels.STATUSES, ElevatorStatus.class, t);
            Integer stops = integer(n, SheetColumn.STOPS, t);
            Integer load = integer(n, SheetColumn.RATED_LOAD, t);
            BigDecimal speed = decimal(n, SheetColumn.RATED_SPEED, t);
            OrganizationId useUnit = party(n, SheetColumn.USE_UNIT, OrganizationType.USE_UNIT, t);
            OrganizationId maintainer = party(n, SheetColumn.MAINTENANCE_COMPANY, OrganizationType.MAINTENANCE_COMPANY, t);
            CommunityId community = community(scope, n, t, useUnit);
            return new ElevatorDetails(t.get(SheetColumn.REGISTRATION_CODE), t.get(SheetColumn.EMERGENCY_CODE), type,
                    t.get(SheetColumn.BRAND), t.get(SheetColumn.MODEL), row.dates().get(SheetColumn.MANUFACTURE_DATE),
                    row.dates().get(SheetColumn.COMMISSIONING_DATE), stops, load, speed, use, community,
                    t.get(SheetColumn.BUILDING), t.get(SheetColumn.UNIT), useUnit, maintainer, status,
                    row.dates().get(SheetColumn.LAST_INSPECTION), row.dates().get(SheetColumn.NEXT_INSPECTION));
        }

        private CommunityId community(Scope scope, int n, Map<SheetColumn, String> t, OrganizationId useUnit) {
            String code = t.get(SheetColumn.DISTRICT_CODE);
            String street = t.get(SheetColumn.STREET);
            String name = t.get(SheetColumn.COMMUNITY);
            if (code == null || name == null || street == null) {
                for (SheetColumn c : new SheetColumn[] {SheetColumn.DISTRICT_CODE, SheetColumn.STREET, SheetColumn.COMMUNITY}) {
                    if (t.get(c) == null) {
                        problem(n, c, "validation.required");
                    }
                }
                return null;
            }
            Optional<DistrictView> district = districts.computeIfAbsent(code, locations::districtByCode)
                    .filter(d -> scope.reach() == Scope.Reach.ALL || scope.region().covers(d.code()));
            if (district.isEmpty()) {
                problem(n, SheetColumn.DISTRICT_CODE, "import.district.unknown", code);
                return null;
            }
            String key = district.get().id().value() + "/" + name;
            CommunityId known = communities.get(key);
            if (known != null) {
                return known;
            }
            Optional<Community> existing = locations.communityByName(district.get().id(), name);
            if (existing.isPresent()) {
                communities.put(key, existing.get().id());
                return existing.get().id();
            }
            if (useUnit == null) {
                problem(n, SheetColumn.USE_UNIT, "import.community.newNeedsUseUnit", name);
                return null;
            }
            CommunityId created = locations.registerCommunity(district.get().id(), street, name, null, null, useUnit,
                    null).id();
            communities.put(key, created);
            return created;
        }

        private OrganizationId party(int n, SheetColumn column, OrganizationType type, Map<SheetColumn, String> t) {
            String code = t.get(column);
            if (code == null) {
                return null;
            }
            Optional<OrganizationView> org = parties.computeIfAbsent(code, organizations::byCreditCode);
            if (org.isEmpty() || org.get().type() != type) {
                problem(n, column, "import.party.unknown", code, Violation.label(type));
                return null;
            }
            return org.get().id();
        }

        private <E extends Enum<E>> E enumValue(int n, SheetColumn column, Map<E, String> labels, Class<E> type,
                Map<SheetColumn, String> t) {
            String text = t.get(column);
            if (text == null) {
                return null;
            }
            E value = SheetLabels.parse(labels, type, text);
            if (value == null) {
                problem(n, column, "import.value.unknown", text, String.join("、", labels.values()));
            }
            return value;
        }

        private Integer integer(int n, SheetColumn column, Map<SheetColumn, String> t) {
            String text = t.get(column);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text).intValueExact();
            }
            catch (NumberFormatException | ArithmeticException e) {
                problem(n, column, "import.number.integer", text);
                return null;
            }
        }

        private BigDecimal decimal(int n, SheetColumn column, Map<SheetColumn, String> t) {
            String text = t.get(column);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text);
            }
            catch (NumberFormatException e) {
                problem(n, column, "import.number.decimal", text);
                return null;
            }
        }

        private LocalDate date(String text) {
            for (DateTimeFormatter format : DATE_FORMATS) {
                try {
                    return LocalDate.parse(text, format);
                }
                catch (DateTimeParseException ignored) {
                    // try the next format
                }
            }
            return null;
        }

        private static boolean isDateColumn(SheetColumn column) {
            return column == SheetColumn.MANUFACTURE_DATE || column == SheetColumn.COMMISSIONING_DATE
                    || column == SheetColumn.LAST_INSPECTION || column == SheetColumn.NEXT_INSPECTION;
        }
    }
}
